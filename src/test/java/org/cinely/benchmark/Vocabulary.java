package org.cinely.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Words for generated text (bios, headlines, job descriptions) with the long-tailed frequencies of
 * real text: word n is drawn with a probability proportional to 1/n (Zipf's law), so a few words
 * ("film", "crew") are in most texts, a few hundred are in some, and thousands are rare. Searches
 * over uniformly drawn words from a short list would make every word match half of all rows,
 * which no real community's text does. The first {@link #REAL} words are real film-production
 * words, most common first; the tail is made-up proper nouns (names of productions, places,
 * companies, gear), as real text has thousands of those.
 */
public final class Vocabulary {

    private static final String[] COMMON = {
        "film", "crew", "work", "years", "projects", "shoot", "production", "short", "feature", "camera",
        "experience", "set", "commercials", "documentary", "love", "based", "team", "music", "videos", "drama",
        "lighting", "story", "independent", "series", "festival", "night", "studio", "location", "director", "cinema",
        "editing", "sound", "narrative", "indie", "digital", "television", "visual", "stories", "creative", "fiction",
        "documentaries", "festivals", "brands", "features", "shorts", "travel", "available", "europe", "budget",
                "worked",
        "comedy", "thriller", "horror", "period", "handheld", "exteriors", "interiors", "colour", "grading", "post",
        "dialogue", "foley", "mixing", "design", "costume", "makeup", "hair", "props", "art", "department",
        "union", "nonunion", "freelance", "based", "london", "berlin", "paris", "lisbon", "toronto", "atlanta",
        "anamorphic", "steadicam", "gimbal", "crane", "dolly", "drone", "aerial", "underwater", "stunts", "animation",
        "archive", "vertical", "fantasy", "science", "western", "musical", "dance", "fashion", "advertising", "agency",
        "broadcast", "streaming", "netflix", "bbc", "arte", "awards", "award", "winning", "nominated", "premiered",
        "sundance", "berlinale", "cannes", "venice", "tribeca", "rotterdam", "locarno", "sxsw", "annecy", "sheffield",
        "alexa", "mini", "red", "sony", "arri", "blackmagic", "canon", "panavision", "cooke", "zeiss",
        "lenses", "lens", "kodak", "super16", "35mm", "celluloid", "analogue", "photochemical", "developing",
                "telecine",
        "tungsten", "hmi", "led", "skypanel", "kinoflo", "practicals", "practical", "available-light", "natural",
                "contrast",
        "composition", "framing", "coverage", "blocking", "rehearsal", "rehearsals", "script", "screenplay", "writing",
                "rewrites",
        "casting", "actors", "performance", "improvisation", "children", "animals", "vehicles", "cars", "tracking",
                "rigs",
        "rigging", "grip", "electric", "generator", "distro", "balloon", "rain", "snow", "wind", "smoke",
        "atmospherics", "pyrotechnics", "special", "effects", "vfx", "compositing", "greenscreen", "bluescreen",
                "motion", "capture",
        "virtual", "volume", "unreal", "previs", "storyboards", "storyboard", "shotlist", "schedule", "scheduling",
                "budgeting",
        "logistics", "permits", "locations", "scouting", "recce", "catering", "transport", "accommodation", "insurance",
                "safety",
        "coordinator", "coordination", "manager", "producer", "line", "executive", "associate", "assistant", "trainee",
                "intern",
        "mentor", "mentoring", "teaching", "workshops", "school", "graduate", "student", "university", "academy",
                "conservatoire",
        "bilingual", "spanish", "french", "german", "portuguese", "italian", "japanese", "korean", "arabic", "hindi",
        "passport", "driving", "licence", "van", "kit", "owner", "operator", "package", "gear", "equipment",
        "colourist", "resolve", "baselight", "avid", "premiere", "protools", "nuke", "houdini", "maya", "blender",
        "surround", "atmos", "dolby", "stereo", "score", "orchestral", "electronic", "synth", "piano", "strings",
        "choir", "songs", "soundtrack", "composer", "recording", "booth", "adr", "voiceover", "narration", "podcast",
        "radio", "theatre", "stage", "opera", "ballet", "circus", "puppetry", "stopmotion", "claymation", "rotoscope",
        "experimental", "essay", "hybrid", "verite", "observational", "investigative", "journalism", "news", "current",
                "affairs",
        "nature", "wildlife", "ocean", "mountains", "desert", "arctic", "jungle", "expedition", "adventure", "sports",
        "football", "surfing", "climbing", "skateboarding", "cycling", "motorsport", "boxing", "esports", "gaming",
                "vr",
        "immersive", "interactive", "installation", "gallery", "museum", "exhibition", "portrait", "landscape",
                "street", "urban",
        "rural", "coastal", "island", "village", "city", "suburban", "industrial", "heritage", "historical",
                "contemporary",
        "queer", "feminist", "activist", "community", "social", "impact", "climate", "environment", "migration",
                "identity",
        "memory", "family", "grief", "romance", "coming-of-age", "crime", "noir", "heist", "mystery", "supernatural",
        "slasher", "zombie", "monster", "creature", "sci-fi", "dystopian", "space", "robots", "time", "travelling",
        "warm", "patient", "calm", "reliable", "organised", "detail", "punctual", "collaborative", "curious",
                "obsessive",
        "moody", "poetic", "minimalist", "maximalist", "bold", "playful", "gritty", "lyrical", "intimate", "epic"
    };

    /** How many real words come first. */
    public static final int REAL = distinct(COMMON).size();

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ran", "tes", "vo", "bri", "dal", "en", "fo", "gor", "hul", "is", "jan", "kel", "lum", "mar",
        "nis", "or", "pel", "quin", "ros", "sun", "tor", "ul", "vek", "wen", "xo", "yar", "zel"
    };

    private final List<String> words;
    private final double[] cumulative;

    /** A vocabulary of {@code size} words (at least {@link #REAL}), Zipf-distributed. */
    public Vocabulary(int size) {
        List<String> all = new ArrayList<>(distinct(COMMON));
        SplittableRandom names = new SplittableRandom(42);
        Set<String> seen = new LinkedHashSet<>(all);
        while (all.size() < size) {
            String made = SYLLABLES[names.nextInt(SYLLABLES.length)]
                    + SYLLABLES[names.nextInt(SYLLABLES.length)]
                    + SYLLABLES[names.nextInt(SYLLABLES.length)];
            if (seen.add(made)) {
                all.add(made);
            }
        }
        this.words = List.copyOf(all);
        this.cumulative = new double[words.size()];
        double sum = 0;
        for (int i = 0; i < words.size(); i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /** The word of this frequency rank (0 = most common). */
    public String word(int rank) {
        return words.get(rank);
    }

    public int size() {
        return words.size();
    }

    /** One word, drawn by Zipf's law. */
    public String draw(SplittableRandom random) {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return words.get(low);
    }

    /** {@code count} words drawn by Zipf's law, separated by spaces. */
    public String text(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(draw(random));
        }
        return text.toString();
    }

    private static List<String> distinct(String[] words) {
        return List.copyOf(new LinkedHashSet<>(List.of(words)));
    }
}
