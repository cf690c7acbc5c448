package org.cinely.platform.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo community seeded on a fresh embedded database, read from {@code demo/members.tsv}.
 * Each module seeds the part it owns (accounts the accounts, profiles the crafts), in order.
 */
@Component
public class DemoData {

    /** One demo member, as written in the file. */
    public record DemoMember(
            String handle, String displayName, List<String> crafts, String headline, String city, String country) {

        public String email() {
            return handle + "@demo.cinely.local";
        }
    }

    /** Every demo member logs in with this password (printed in the log when the seed runs). */
    public static final String PASSWORD = "demo-cinely-2026";

    /**
     * One demo job listing (jobs seeds these). Day offsets count from the day of seeding, so the
     * board always looks current; {@code applicants} are "handle~status~cover note".
     */
    public record DemoJob(
            String poster,
            String title,
            List<String> crafts,
            String production,
            String productionType,
            String company,
            String city,
            String country,
            boolean remote,
            int startInDays,
            int lengthDays,
            String compensation,
            String amount,
            String unit,
            String currency,
            String union,
            Integer deadlineInDays,
            int postedDaysAgo,
            String description,
            List<DemoApplication> applicants) {}

    public record DemoApplication(String handle, String status, String coverNote) {}

    private final Environment environment;

    DemoData(Environment environment) {
        this.environment = environment;
    }

    /** Seeding is for the embedded default only, and can be turned off (CINELY_DEMO_DATA=false). */
    public boolean enabled() {
        return environment.getProperty("cinely.demo.enabled", Boolean.class, true)
                && environment.getProperty("cinely.embedded-db.active", Boolean.class, false);
    }

    public List<DemoJob> jobs() {
        List<DemoJob> jobs = new ArrayList<>();
        for (String[] cells : rows("demo/jobs.tsv")) {
            List<DemoApplication> applicants = new ArrayList<>();
            if (cells.length > 19 && !cells[19].isBlank()) {
                for (String applicant : cells[19].split("\\|")) {
                    String[] parts = applicant.split("~", 3);
                    applicants.add(new DemoApplication(parts[0], parts[1], parts[2]));
                }
            }
            jobs.add(new DemoJob(
                    cells[0],
                    cells[1],
                    Arrays.stream(cells[2].split(",")).map(String::trim).toList(),
                    cells[3],
                    cells[4],
                    cells[5],
                    cells[6],
                    cells[7],
                    Boolean.parseBoolean(cells[8]),
                    Integer.parseInt(cells[9]),
                    Integer.parseInt(cells[10]),
                    cells[11],
                    cells[12],
                    cells[13],
                    cells[14],
                    cells[15],
                    cells[16].isBlank() ? null : Integer.valueOf(cells[16]),
                    Integer.parseInt(cells[17]),
                    cells[18].replace("\\n", "\n"),
                    applicants));
        }
        return jobs;
    }

    private static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public List<DemoMember> members() {
        List<DemoMember> members = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/members.tsv").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                members.add(new DemoMember(
                        cells[0],
                        cells[1],
                        Arrays.stream(cells[2].split(",")).map(String::trim).toList(),
                        cells[3],
                        cells[4],
                        cells[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return members;
    }
}
