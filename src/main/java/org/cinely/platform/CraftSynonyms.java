package org.cinely.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words people search crafts by: each craft's own name and slug, and the trade's common
 * synonyms and abbreviations ("DP", "DoP", "director of photography" and "cinematographer" are one
 * craft). The one table both the directory and the job board read, through {@code
 * org.cinely.platform.search.SearchTerms}: a phrase found in a search box means "has one of these
 * crafts, or has these words in the text".
 *
 * <p>Phrases are lower-case words as {@code SearchWords.words} splits a search box (letters and
 * digits; "1st AC" is {@code 1st ac}, "make-up" is {@code make up}). A plural ("gaffers", "focus
 * pullers") finds its singular.
 */
public final class CraftSynonyms {

    /** The longest phrase in the table, in words. */
    static final int MAX_PHRASE_WORDS;

    private static final Map<String, Set<Craft>> TABLE;

    static {
        Map<String, Set<Craft>> table = new LinkedHashMap<>();
        // Every craft by its slug's words ("camera operator", "first ac").
        for (Craft craft : Craft.values()) {
            if (craft != Craft.OTHER) {
                add(table, craft.slug().replace('-', ' '), craft);
            }
        }
        add(table, "cinematographer", Craft.CINEMATOGRAPHER);
        add(table, "dp", Craft.CINEMATOGRAPHER);
        add(table, "dop", Craft.CINEMATOGRAPHER);
        add(table, "director of photography", Craft.CINEMATOGRAPHER);
        add(table, "cinematography", Craft.CINEMATOGRAPHER);
        add(table, "camera", Craft.CAMERA_OPERATOR, Craft.FIRST_AC, Craft.SECOND_AC);
        add(table, "camera op", Craft.CAMERA_OPERATOR);
        add(table, "cameraman", Craft.CAMERA_OPERATOR);
        add(table, "camerawoman", Craft.CAMERA_OPERATOR);
        add(table, "camera person", Craft.CAMERA_OPERATOR);
        add(table, "steadicam", Craft.CAMERA_OPERATOR);
        add(table, "steadicam operator", Craft.CAMERA_OPERATOR);
        add(table, "ac", Craft.FIRST_AC, Craft.SECOND_AC);
        add(table, "camera assistant", Craft.FIRST_AC, Craft.SECOND_AC);
        add(table, "assistant camera", Craft.FIRST_AC, Craft.SECOND_AC);
        add(table, "1st ac", Craft.FIRST_AC);
        add(table, "1ac", Craft.FIRST_AC);
        add(table, "focus puller", Craft.FIRST_AC);
        add(table, "2nd ac", Craft.SECOND_AC);
        add(table, "2ac", Craft.SECOND_AC);
        add(table, "clapper loader", Craft.SECOND_AC);
        add(table, "loader", Craft.SECOND_AC);
        add(table, "clapper", Craft.SECOND_AC);
        add(table, "gaffer", Craft.GAFFER);
        add(table, "chief lighting technician", Craft.GAFFER);
        add(table, "lighting", Craft.GAFFER, Craft.ELECTRICIAN);
        add(table, "lighting technician", Craft.ELECTRICIAN);
        add(table, "spark", Craft.ELECTRICIAN);
        add(table, "electric", Craft.ELECTRICIAN);
        add(table, "best boy", Craft.ELECTRICIAN, Craft.GRIP);
        add(table, "grip", Craft.GRIP, Craft.KEY_GRIP);
        add(table, "dolly grip", Craft.GRIP);
        add(table, "production design", Craft.PRODUCTION_DESIGNER);
        add(table, "art department", Craft.PRODUCTION_DESIGNER, Craft.ART_DIRECTOR, Craft.SET_DECORATOR);
        add(table, "set dresser", Craft.SET_DECORATOR);
        add(table, "set dressing", Craft.SET_DECORATOR);
        add(table, "costume", Craft.COSTUME_DESIGNER);
        add(table, "costumes", Craft.COSTUME_DESIGNER);
        add(table, "wardrobe", Craft.COSTUME_DESIGNER);
        add(table, "hair", Craft.HAIR_MAKEUP);
        add(table, "makeup", Craft.HAIR_MAKEUP);
        add(table, "make up", Craft.HAIR_MAKEUP);
        add(table, "hair and makeup", Craft.HAIR_MAKEUP);
        add(table, "hair and make up", Craft.HAIR_MAKEUP);
        add(table, "mua", Craft.HAIR_MAKEUP);
        add(table, "sound", Craft.SOUND_MIXER, Craft.BOOM_OPERATOR, Craft.SOUND_DESIGNER);
        add(table, "sound recordist", Craft.SOUND_MIXER);
        add(table, "recordist", Craft.SOUND_MIXER);
        add(table, "production sound mixer", Craft.SOUND_MIXER);
        add(table, "location sound", Craft.SOUND_MIXER);
        add(table, "boom", Craft.BOOM_OPERATOR);
        add(table, "boom op", Craft.BOOM_OPERATOR);
        add(table, "boom swinger", Craft.BOOM_OPERATOR);
        add(table, "editor", Craft.EDITOR);
        add(table, "film editor", Craft.EDITOR);
        add(table, "video editor", Craft.EDITOR);
        add(table, "cutter", Craft.EDITOR);
        add(table, "editing", Craft.EDITOR);
        add(table, "colorist", Craft.COLORIST);
        add(table, "colourist", Craft.COLORIST);
        add(table, "grader", Craft.COLORIST);
        add(table, "colour grader", Craft.COLORIST);
        add(table, "color grader", Craft.COLORIST);
        add(table, "grading", Craft.COLORIST);
        add(table, "color grading", Craft.COLORIST);
        add(table, "colour grading", Craft.COLORIST);
        add(table, "vfx", Craft.VFX_ARTIST);
        add(table, "visual effects", Craft.VFX_ARTIST);
        add(table, "compositor", Craft.VFX_ARTIST);
        add(table, "motion graphics", Craft.MOTION_DESIGNER);
        add(table, "motion designer", Craft.MOTION_DESIGNER);
        add(table, "animator", Craft.MOTION_DESIGNER);
        add(table, "music", Craft.COMPOSER);
        add(table, "actress", Craft.ACTOR);
        add(table, "performer", Craft.ACTOR);
        add(table, "casting", Craft.CASTING_DIRECTOR);
        add(table, "upm", Craft.PRODUCTION_MANAGER);
        add(table, "unit production manager", Craft.PRODUCTION_MANAGER);
        add(table, "ad", Craft.ASSISTANT_DIRECTOR);
        add(table, "1st ad", Craft.ASSISTANT_DIRECTOR);
        add(table, "first ad", Craft.ASSISTANT_DIRECTOR);
        add(table, "2nd ad", Craft.ASSISTANT_DIRECTOR);
        add(table, "second ad", Craft.ASSISTANT_DIRECTOR);
        add(table, "script supervisor", Craft.SCRIPT_SUPERVISOR);
        add(table, "scripty", Craft.SCRIPT_SUPERVISOR);
        add(table, "continuity", Craft.SCRIPT_SUPERVISOR);
        add(table, "locations", Craft.LOCATION_MANAGER);
        add(table, "location scout", Craft.LOCATION_MANAGER);
        add(table, "pa", Craft.PRODUCTION_ASSISTANT);
        add(table, "runner", Craft.PRODUCTION_ASSISTANT);
        add(table, "screenwriter", Craft.WRITER);
        add(table, "scriptwriter", Craft.WRITER);
        add(table, "filmmaker", Craft.DIRECTOR);
        TABLE = Collections.unmodifiableMap(table);
        MAX_PHRASE_WORDS = table.keySet().stream()
                .mapToInt(phrase -> phrase.split(" ").length)
                .max()
                .orElse(1);
    }

    /**
     * A phrase found in a search box's words.
     *
     * @param from the index of its first word
     * @param to the index after its last word
     * @param crafts the crafts it names
     */
    public record Match(int from, int to, Set<Craft> crafts) {

        public Match {
            crafts = Collections.unmodifiableSet(EnumSet.copyOf(crafts));
        }
    }

    private CraftSynonyms() {}

    private static void add(Map<String, Set<Craft>> table, String phrase, Craft... crafts) {
        Set<Craft> set = table.computeIfAbsent(phrase, p -> EnumSet.noneOf(Craft.class));
        Collections.addAll(set, crafts);
    }

    /** The crafts a phrase names (lower-case words joined by single spaces), or none. */
    public static Set<Craft> crafts(String phrase) {
        String key = phrase.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        Set<Craft> crafts = TABLE.get(key);
        if (crafts == null && key.length() > 3 && key.endsWith("s")) {
            // A plural: "gaffers", "focus pullers".
            crafts = TABLE.get(key.substring(0, key.length() - 1));
        }
        return crafts == null ? Set.of() : crafts;
    }

    /**
     * The phrases of the table among these words (as {@code SearchWords.words} gives them), longest
     * first from left to right: "director of photography" is one phrase, not "director" and two
     * other words.
     */
    public static List<Match> find(List<String> words) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Match found = null;
            for (int length = Math.min(MAX_PHRASE_WORDS, words.size() - i); length > 0 && found == null; length--) {
                Set<Craft> crafts = crafts(String.join(" ", words.subList(i, i + length)));
                if (!crafts.isEmpty()) {
                    found = new Match(i, i + length, crafts);
                }
            }
            if (found == null) {
                i++;
            } else {
                matches.add(found);
                i = found.to();
            }
        }
        return matches;
    }

    /** Every word of every phrase: the spelling suggestions' own vocabulary. */
    public static Set<String> words() {
        Set<String> words = new TreeSet<>();
        for (String phrase : TABLE.keySet()) {
            Collections.addAll(words, phrase.split(" "));
        }
        return words;
    }

    /** Every phrase and the crafts it names (for tests and the README). */
    public static Map<String, Set<Craft>> table() {
        return TABLE;
    }
}
