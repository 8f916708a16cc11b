package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.JSON;
import static org.safemobility.benchmark.Loopback.request;
import static org.safemobility.benchmark.Loopback.send;
import static org.safemobility.benchmark.Loopback.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Precision and recall of duplicate detection at intake (scripts/benchmark.sh duplicates), on a labelled set this
 * class generates from a fixed seed: people registered at Guatemala, Colombia and Ecuador, then the same people
 * registered again the way counters get it wrong (accents dropped, a typo, family names swapped or one missing, day and
 * month swapped, one digit of the birth date off, several at once, often at another office), and different people
 * who look alike (a shared birthday, siblings, twins, namesakes born another day). Every record is registered through
 * the API, so the service's own detection (with its configured thresholds) decides; the pairs it flagged are read from
 * {@code possible_duplicate} and compared with the labels.
 */
public final class DuplicateMatchEvaluation {

    private static final String[] GIVEN = ("María,José,Juan,Luis,Ana,Carmen,Jesús,Andrés,Sofía,Valentina,Camila,Daniela,"
            + "Gabriela,Lucía,Martín,Sebastián,Mateo,Diego,Alejandro,Carlos,Jorge,Miguel,Ángel,Héctor,Óscar,Raúl,Rubén,"
            + "Nicolás,Isabel,Inés,Mónica,Verónica,Adriana,Patricia,Rosa,Elena,Julián,Ramón,Iván,Yésica,Wilmer,Yorman,"
            + "Franyelis,Dayana,Yusbelis,Josué,Maryuri,Keila,Génesis,Yeferson").split(",");
    private static final String[] FAMILY = ("González,Rodríguez,Pérez,Hernández,García,Martínez,López,Sánchez,Ramírez,"
            + "Torres,Flores,Rivera,Gómez,Díaz,Cruz,Morales,Reyes,Gutiérrez,Ortiz,Chávez,Ramos,Mendoza,Castillo,Vásquez,"
            + "Jiménez,Romero,Herrera,Medina,Aguilar,Castro,Vargas,Rojas,Suárez,Núñez,Peña,Ibáñez,Muñoz,Zúñiga,Barrios,"
            + "Quintero,Salazar,Contreras,Carrillo,Blanco,Figueroa,Paredes,Guerrero,Espinoza,Bermúdez,Villalobos").split(",");
    private static final String[] OFFICES = {"GT", "CO", "EC"};
    private static final String[] NATIONALITIES = {"HND", "VEN", "VEN", "NIC", "CUB", "HTI", "COL"};

    private static final int PEOPLE = 1_500;
    private static final int SAME_PERSON_AGAIN = 700;
    private static final int LOOKALIKES = 600;

    /** One registration of the labelled set. */
    record Entry(int person, String kind, String office, String given, String family, LocalDate born,
                 String nationality, String document) {
    }

    private DuplicateMatchEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String realm = args[1];
        String jdbc = args[2];
        Random random = new Random(20261202);
        List<Entry> people = new ArrayList<>();
        for (int p = 0; p < PEOPLE; p++) {
            people.add(new Entry(p, "FIRST", OFFICES[random.nextInt(3)], given(random), pick(random, FAMILY) + " "
                    + pick(random, FAMILY), LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000)),
                    pick(random, NATIONALITIES), random.nextInt(10) < 6 ? "P" + (1_000_000 + random.nextInt(9_000_000)) : null));
        }
        String[] sameKinds = {"ACCENTS_DROPPED", "TYPO", "FAMILY_NAMES_SWAPPED", "ONE_FAMILY_NAME_MISSING",
            "DAY_MONTH_SWAPPED", "BIRTH_DATE_ONE_DIGIT_OFF", "SEVERAL_AT_ONCE"};
        List<Entry> later = new ArrayList<>();
        for (int i = 0; i < SAME_PERSON_AGAIN; i++) {
            Entry e = people.get(i);
            later.add(again(e, sameKinds[i % sameKinds.length], random));
        }
        String[] otherKinds = {"SHARED_BIRTHDAY", "SIBLING", "TWIN", "NAMESAKE_BORN_ANOTHER_DAY"};
        for (int i = 0; i < LOOKALIKES; i++) {
            Entry e = people.get(PEOPLE - 1 - i);
            later.add(lookalike(e, PEOPLE + i, otherKinds[i % otherKinds.length], random));
        }
        Collections.shuffle(later, random);

        Map<String, String> tokens = new HashMap<>();
        for (String office : OFFICES) {
            tokens.put(office, token(realm, "caseworker." + office.toLowerCase()));
        }
        System.out.printf("duplicate detection on a labelled set: %d people registered, then %d registered again with "
                + "mistakes and %d different people who look alike%n", PEOPLE, SAME_PERSON_AGAIN, LOOKALIKES);
        Map<String, Entry> byCase = new LinkedHashMap<>();
        long started = System.nanoTime();
        byCase.putAll(register(service, tokens, people));
        byCase.putAll(register(service, tokens, later));
        System.out.printf("  %d registrations in %.0f s%n", byCase.size(), (System.nanoTime() - started) / 1e9);

        Set<String> flagged = new HashSet<>();
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select case_id, other_case_id from smo.possible_duplicate where both_applicants")) {
            while (rows.next()) {
                flagged.add(pair(rows.getString(1), rows.getString(2)));
            }
        }
        Map<Integer, List<String>> casesOf = new HashMap<>();
        byCase.forEach((id, e) -> casesOf.computeIfAbsent(e.person(), k -> new ArrayList<>()).add(id));
        int truePositives = 0;
        int falsePositives = 0;
        Map<String, int[]> byKind = new TreeMap<>(); // kind -> [flagged, total]
        for (String p : flagged) {
            String[] ids = p.split("/");
            Entry a = byCase.get(ids[0]);
            Entry b = byCase.get(ids[1]);
            if (a == null || b == null) {
                continue; // a case from outside the set (an earlier run on the same database)
            }
            if (a.person() == b.person()) {
                truePositives++;
            } else {
                falsePositives++;
            }
        }
        int truePairs = 0;
        for (Map.Entry<String, Entry> c : byCase.entrySet()) {
            Entry e = c.getValue();
            if (e.kind().equals("FIRST")) {
                continue;
            }
            int[] counts = byKind.computeIfAbsent(e.kind(), k -> new int[2]);
            counts[1]++;
            if (e.person() < PEOPLE) {
                truePairs++;
                String first = casesOf.get(e.person()).stream().filter(id -> !id.equals(c.getKey())).findFirst().orElseThrow();
                if (flagged.contains(pair(c.getKey(), first))) {
                    counts[0]++;
                }
            } else if (flagged.stream().anyMatch(p -> p.contains(c.getKey()))) {
                counts[0]++;
            }
        }
        System.out.printf("  flagged pairs %d: %d the same person, %d different people%n", truePositives + falsePositives,
                truePositives, falsePositives);
        System.out.printf("  precision %.3f   recall %.3f   (same-person pairs in the set: %d)%n",
                truePositives / (double) Math.max(1, truePositives + falsePositives), truePositives / (double) truePairs,
                truePairs);
        System.out.println("  the same person again, found / registered:");
        byKind.forEach((kind, c) -> {
            if (List.of(sameKinds).contains(kind)) {
                System.out.printf("    %-28s %4d / %4d  (%.0f%%)%n", kind, c[0], c[1], 100.0 * c[0] / c[1]);
            }
        });
        System.out.println("  different people who look alike, flagged with anyone / registered:");
        byKind.forEach((kind, c) -> {
            if (List.of(otherKinds).contains(kind)) {
                System.out.printf("    %-28s %4d / %4d  (%.0f%%)%n", kind, c[0], c[1], 100.0 * c[0] / c[1]);
            }
        });
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "/" + b : b + "/" + a;
    }

    private static Map<String, Entry> register(String service, Map<String, String> tokens, List<Entry> entries)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map.Entry<String, Entry>>> done = new ArrayList<>();
            for (Entry e : entries) {
                done.add(pool.submit(() -> Map.entry(register(service, tokens.get(e.office()), e), e)));
            }
            Map<String, Entry> byCase = new LinkedHashMap<>();
            for (Future<Map.Entry<String, Entry>> f : done) {
                Map.Entry<String, Entry> registered = f.get();
                byCase.put(registered.getKey(), registered.getValue());
            }
            return byCase;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String register(String service, String token, Entry e) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("office", e.office());
        ObjectNode applicant = body.putObject("applicant");
        applicant.put("givenName", e.given()).put("familyName", e.family()).put("dateOfBirth", e.born().toString())
                .put("nationality", e.nationality()).put("arrivalDate", "2023-01-01");
        if (e.document() != null) {
            applicant.put("documentType", "PASSPORT").put("documentNumber", e.document());
        }
        body.putObject("consent").put("given", true);
        return JSON.readTree(send(request(service + "/api/v1/cases", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), 201)).get("id").asText();
    }

    private static String given(Random random) {
        return random.nextInt(10) < 3 ? pick(random, GIVEN) + " " + pick(random, GIVEN) : pick(random, GIVEN);
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    /** The same person registered again with the kind of mistake named; at another office half of the time. */
    private static Entry again(Entry e, String kind, Random random) {
        String office = random.nextBoolean() ? OFFICES[random.nextInt(3)] : e.office();
        String given = e.given();
        String family = e.family();
        LocalDate born = e.born();
        switch (kind) {
            case "ACCENTS_DROPPED" -> {
                given = unaccent(given);
                family = unaccent(family);
            }
            case "TYPO" -> {
                if (random.nextBoolean()) {
                    given = typo(given, random);
                } else {
                    family = typo(family, random);
                }
            }
            case "FAMILY_NAMES_SWAPPED" -> family = String.join(" ", swap(family.split(" ")));
            case "ONE_FAMILY_NAME_MISSING" -> family = family.split(" ")[0];
            case "DAY_MONTH_SWAPPED" -> born = swapDayMonth(born, random);
            case "BIRTH_DATE_ONE_DIGIT_OFF" -> born = oneDigitOff(born, random);
            case "SEVERAL_AT_ONCE" -> {
                given = unaccent(given);
                family = unaccent(family.split(" ")[0]);
                born = swapDayMonth(born, random);
            }
            default -> throw new IllegalArgumentException(kind);
        }
        // a document shown once is often not shown again (and numbers are copied with other spacing)
        String document = e.document() != null && random.nextBoolean()
                ? e.document().substring(0, 1) + " " + e.document().substring(1) : null;
        return new Entry(e.person(), kind, office, given, family, born, e.nationality(), document);
    }

    /** A different person who looks like e. */
    private static Entry lookalike(Entry e, int person, String kind, Random random) {
        String[] families = e.family().split(" ");
        String otherGiven = given(random);
        while (otherGiven.equals(e.given())) {
            otherGiven = given(random);
        }
        return switch (kind) {
            case "SHARED_BIRTHDAY" -> new Entry(person, kind, e.office(), otherGiven, pick(random, FAMILY) + " "
                    + pick(random, FAMILY), e.born(), e.nationality(), null);
            case "SIBLING" -> new Entry(person, kind, e.office(), otherGiven, e.family(),
                    adult(e.born(), 365 + random.nextInt(8 * 365)), e.nationality(), null);
            case "TWIN" -> new Entry(person, kind, e.office(), otherGiven, e.family(), e.born(), e.nationality(), null);
            case "NAMESAKE_BORN_ANOTHER_DAY" -> new Entry(person, kind, OFFICES[random.nextInt(3)], e.given(),
                    families[0] + " " + pick(random, FAMILY), adult(e.born(), 400 + random.nextInt(5_000)),
                    e.nationality(), null);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Born this many days after (or, where that would be a minor, before) the given day. */
    private static LocalDate adult(LocalDate born, int days) {
        LocalDate later = born.plusDays(days);
        return later.isBefore(LocalDate.of(2006, 1, 1)) ? later : born.minusDays(days);
    }

    private static String unaccent(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String[] swap(String[] words) {
        return words.length < 2 ? words : new String[] {words[1], words[0]};
    }

    /** One letter substituted, two neighbours transposed, or one dropped, in a word of the name. */
    private static String typo(String name, Random random) {
        String[] words = name.split(" ");
        int w = random.nextInt(words.length);
        StringBuilder word = new StringBuilder(words[w]);
        int at = 1 + random.nextInt(Math.max(1, word.length() - 2));
        switch (random.nextInt(3)) {
            case 0 -> word.setCharAt(at, "aeiousnrl".charAt(random.nextInt(9)));
            case 1 -> {
                char c = word.charAt(at);
                word.setCharAt(at, word.charAt(at - 1));
                word.setCharAt(at - 1, c);
            }
            default -> word.deleteCharAt(at);
        }
        words[w] = word.toString();
        return String.join(" ", words);
    }

    private static LocalDate swapDayMonth(LocalDate born, Random random) {
        if (born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()) {
            return LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
        }
        return oneDigitOff(born, random);
    }

    private static LocalDate oneDigitOff(LocalDate born, Random random) {
        while (true) {
            char[] digits = born.toString().replace("-", "").toCharArray();
            int at = 2 + random.nextInt(6); // not the millennium and century
            digits[at] = (char) ('0' + random.nextInt(10));
            String s = new String(digits);
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                        Integer.parseInt(s.substring(6, 8)));
                if (!d.equals(born) && d.isAfter(LocalDate.of(1930, 1, 1)) && d.isBefore(LocalDate.of(2006, 1, 1))) {
                    return d;
                }
            } catch (java.time.DateTimeException notADate) {
                // try another digit
            }
        }
    }
}
