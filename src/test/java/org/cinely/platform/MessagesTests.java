package org.cinely.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every word on a page comes from messages.properties: templates carry no hard-coded text, and
 * every message key they use exists.
 */
class MessagesTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z0-9._-]+)[}(]");

    static Properties messages() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).toList();
        }
    }

    @Test
    void everyMessageKeyUsedInATemplateExists() throws IOException {
        Properties messages = messages();
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!messages.containsKey(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing)
                .as("message keys used in templates but missing from messages.properties")
                .isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                if (element.hasAttr("th:text") || element.hasAttr("th:utext")) {
                    continue; // its body is replaced by a message or a value
                }
                for (TextNode text : element.textNodes()) {
                    String words = text.text().replaceAll("[\\s·|/→←—–-]+", "");
                    if (words.chars().anyMatch(Character::isLetter)) {
                        hardCoded.add(TEMPLATES.relativize(template) + ": \""
                                + text.text().strip() + "\"");
                    }
                }
                for (String attribute : List.of("title", "placeholder", "alt", "aria-label")) {
                    if (element.hasAttr(attribute)
                            && element.attr(attribute).chars().anyMatch(Character::isLetter)) {
                        hardCoded.add(TEMPLATES.relativize(template) + ": " + attribute + "=\""
                                + element.attr(attribute) + "\"");
                    }
                }
            }
        }
        assertThat(hardCoded)
                .as("text written into templates instead of messages.properties")
                .isEmpty();
    }

    @Test
    void craftAndStateLabelsExistForEveryValue() throws IOException {
        Properties messages = messages();
        for (var state : org.cinely.accounts.AccountState.values()) {
            assertThat(messages).containsKey("account-state." + state.name());
        }
        for (var role : org.cinely.accounts.Role.values()) {
            assertThat(messages).containsKey("role." + role.name());
        }
    }
}
