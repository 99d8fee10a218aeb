package nhssm.core.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * The survey definition of each round, read from {@code /nhssm/survey/<round>.json} on the classpath,
 * checked once and cached.
 *
 * <p>The file is read strictly: an unknown property, a duplicate key or a value of the wrong kind
 * fails the load, and so does a definition that contradicts itself (a question in a section that does
 * not exist, a restriction on a question that does not exist, …). A broken definition is a build
 * error, so it throws {@link IllegalStateException} rather than looking like a missing round.
 */
public final class SurveyDefinitions {

    /** A round is a census year; nothing else may reach the resource path (rounds arrive in URLs). */
    private static final Pattern ROUND = Pattern.compile("[0-9]{4}");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(javaTimeAsIsoText())
            .build();

    private static final String FOLDER = "nhssm/survey/";

    private static final Map<String, Optional<SurveyDefinition>> CACHE = new ConcurrentHashMap<>();

    private SurveyDefinitions() {
    }

    /**
     * The definition of {@code round}, or empty when {@code round} is not a four-digit year or no
     * definition exists for it. Safe to call with an untrusted path parameter.
     *
     * @throws IllegalStateException when the round's definition file exists but is invalid
     */
    public static Optional<SurveyDefinition> forRound(String round) {
        if (round == null || !ROUND.matcher(round).matches()) {
            return Optional.empty();
        }
        return CACHE.computeIfAbsent(round, SurveyDefinitions::load);
    }

    /**
     * The rounds that have a definition, in order: read from the names of the definition files, so a new
     * round is listed as soon as its file is added. Works from a directory and from a jar (as deployed).
     */
    public static List<String> rounds() {
        return Rounds.ALL;
    }

    /** Listed once, on first use (the files cannot change while the code runs). */
    private static final class Rounds {
        static final List<String> ALL = definitionFileRounds();
    }

    private static List<String> definitionFileRounds() {
        Set<String> rounds = new TreeSet<>();
        try {
            Enumeration<URL> folders = SurveyDefinitions.class.getClassLoader().getResources(FOLDER);
            while (folders.hasMoreElements()) {
                URL folder = folders.nextElement();
                for (String name : fileNames(folder)) {
                    if (name.endsWith(".json") && ROUND.matcher(name.substring(0, name.length() - 5)).matches()) {
                        rounds.add(name.substring(0, name.length() - 5));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the survey definitions", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the survey definitions", e);
        }
        return List.copyOf(rounds);
    }

    static List<String> fileNames(URL folder) throws IOException, URISyntaxException {
        if (folder.getProtocol().equals("file")) {
            try (var files = Files.list(Path.of(folder.toURI()))) {
                return files.map(f -> f.getFileName().toString()).toList();
            }
        }
        if (folder.openConnection() instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            try (JarFile file = jar.getJarFile()) {
                return file.stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith(FOLDER) && n.length() > FOLDER.length() && n.indexOf('/', FOLDER.length()) < 0)
                        .map(n -> n.substring(FOLDER.length()))
                        .toList();
            }
        }
        throw new IOException("survey definitions at " + folder + " are neither in a directory nor in a jar");
    }

    /** The definition as JSON, in the shape of the definition file (absent values are left out). */
    public static String toJson(SurveyDefinition definition) {
        try {
            return MAPPER.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write survey definition " + definition.round() + " as JSON", e);
        }
    }

    private static Optional<SurveyDefinition> load(String round) {
        String resource = "/" + FOLDER + round + ".json";
        try (InputStream in = SurveyDefinitions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            SurveyDefinition definition = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
            if (!round.equals(definition.round())) {
                throw new IllegalStateException(resource + " defines round " + definition.round() + ", not " + round);
            }
            return Optional.of(definition);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read survey definition " + resource, e);
        }
    }

    /** Reads and checks a definition; {@code source} names it in error messages. */
    static SurveyDefinition parse(String json, String source) {
        SurveyDefinition definition;
        try {
            definition = MAPPER.readValue(json, SurveyDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invalid survey definition " + source + ": " + e.getOriginalMessage()
                    + locationOf(e), e);
        } catch (RuntimeException e) {
            // A record's compact constructor (List.copyOf on a missing list, RoundWindow's order check) may refuse it.
            throw new IllegalStateException("invalid survey definition " + source + ": " + e.getMessage(), e);
        }
        List<String> problems = problemsIn(definition);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid survey definition " + source + ": " + String.join("; ", problems));
        }
        return definition;
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** Everything that makes the definition contradict itself, empty when it is consistent. */
    static List<String> problemsIn(SurveyDefinition definition) {
        List<String> problems = new ArrayList<>();
        requireText(problems, "round", definition.round());
        requireText(problems, "definitionVersion", definition.definitionVersion());
        requireText(problems, "title", definition.title());
        if (definition.window() == null) {
            problems.add("window is missing");
        }
        if (definition.censusDate() == null) {
            problems.add("censusDate is missing");
        }
        if (definition.limits() == null) {
            problems.add("limits is missing");
        } else if (definition.limits().individualResponsesPerStaffLink() < 1
                || definition.limits().individualResponsesPerTrust() < definition.limits().individualResponsesPerStaffLink()) {
            problems.add("limits must allow at least 1 individual response per staff link, and no fewer per trust");
        }

        Set<String> sections = new HashSet<>();
        for (Section section : definition.sections()) {
            requireText(problems, "a section code", section.code());
            requireText(problems, "the title of section " + section.code(), section.title());
            if (!sections.add(section.code())) {
                problems.add("section " + section.code() + " is defined twice");
            }
        }

        Map<String, Question> byId = new HashMap<>();
        for (Question question : definition.questions()) {
            requireText(problems, "a question id", question.id());
            if (byId.putIfAbsent(question.id(), question) != null) {
                problems.add("question " + question.id() + " is defined twice");
            }
        }
        for (Question question : definition.questions()) {
            problems.addAll(problemsIn(question, sections, byId));
        }
        problems.addAll(namedReportConsentProblems(definition.namedReportConsent(), byId));
        return problems;
    }

    /** Only the official return speaks for the trust, so only an official yes/no question can publish its report. */
    private static List<String> namedReportConsentProblems(String id, Map<String, Question> byId) {
        if (id == null || id.isBlank()) {
            return List.of("namedReportConsent is missing");
        }
        Question consent = byId.get(id);
        if (consent == null) {
            return List.of("namedReportConsent " + id + " does not exist");
        }
        List<String> problems = new ArrayList<>();
        if (!(consent.answer() instanceof AnswerSpec.YesNo)) {
            problems.add("namedReportConsent " + id + " is not a yes/no question");
        }
        if (consent.audience() != Audience.OFFICIAL) {
            problems.add("namedReportConsent " + id + " is not asked only in the official return,"
                    + " which alone speaks for the trust");
        }
        return problems;
    }

    private static List<String> problemsIn(Question q, Set<String> sections, Map<String, Question> byId) {
        List<String> problems = new ArrayList<>();
        String at = "question " + q.id() + ": ";
        if (!sections.contains(q.section())) {
            problems.add(at + "section " + q.section() + " is not defined");
        }
        requireText(problems, at + "label", q.label());
        requireText(problems, at + "shortLabel", q.shortLabel());
        if (q.audience() == null) {
            problems.add(at + "audience is missing");
        }
        if (q.required() == null) {
            problems.add(at + "required is missing");
        } else if (q.audience() == Audience.OFFICIAL && q.required() == Requirement.ALL) {
            problems.add(at + "required from everyone but asked only in the official return");
        }
        if (q.answer() == null) {
            problems.add(at + "answer is missing");
            return problems;
        }

        switch (q.answer()) {
            case AnswerSpec.FromToken t -> {
                if (q.required() != Requirement.NONE) {
                    problems.add(at + "the trust comes from the token, it cannot be required");
                }
            }
            case AnswerSpec.Single s -> checkOptions(problems, at, s.options());
            case AnswerSpec.Multiple m -> {
                checkOptions(problems, at, m.options());
                Set<String> codes = codes(m.options());
                m.exclusive().stream().filter(c -> !codes.contains(c))
                        .forEach(c -> problems.add(at + "exclusive code " + c + " is not one of its options"));
                if (m.maxChoices() != null && (m.maxChoices() < 1 || m.maxChoices() > m.options().size())) {
                    problems.add(at + "maxChoices " + m.maxChoices() + " is not between 1 and its number of options");
                }
            }
            case AnswerSpec.WholeNumber n -> {
                if (n.min() > n.max()) {
                    problems.add(at + "min " + n.min() + " is above max " + n.max());
                }
                n.atMostQuestion().ifPresent(other -> {
                    Question target = byId.get(other);
                    if (target == null) {
                        problems.add(at + "atMost refers to question " + other + ", which does not exist");
                    } else if (!(target.answer() instanceof AnswerSpec.WholeNumber)) {
                        problems.add(at + "atMost refers to question " + other + ", which is not a whole number");
                    }
                });
            }
            case AnswerSpec.DecimalNumber d -> {
                if (d.min() == null || d.max() == null || d.min().compareTo(d.max()) > 0) {
                    problems.add(at + "decimal bounds are missing or min is above max");
                }
                if (d.decimalPlaces() < 0) {
                    problems.add(at + "decimalPlaces is negative");
                }
            }
            case AnswerSpec.Likert l -> {
                if (l.min() > l.max()) {
                    problems.add(at + "min " + l.min() + " is above max " + l.max());
                }
                checkOptions(problems, at, l.extraOptions(), true);
                l.anchors().keySet().stream().filter(k -> !isPointOf(k, l))
                        .forEach(k -> problems.add(at + "anchor " + k + " is not a point of the scale"));
                l.extraOptions().stream().map(Option::code).filter(c -> c != null && isPointOf(c, l))
                        .forEach(c -> problems.add(at + "extra option " + c + " looks like a point of the scale"));
            }
            case AnswerSpec.YesNo y -> {
                if (y.defaultValue() != null && !codes(AnswerSpec.YesNo.OPTIONS).contains(y.defaultValue())) {
                    problems.add(at + "defaultValue " + y.defaultValue() + " is not YES or NO");
                }
            }
            case AnswerSpec.FreeText t -> {
                if (t.maxLength() < 1) {
                    problems.add(at + "maxLength must be at least 1");
                }
                t.formatName().filter(f -> !f.equals("email"))
                        .ifPresent(f -> problems.add(at + "unknown text format " + f));
                if (t.readers() == Readership.PUBLIC && t.consentQuestion() == null) {
                    problems.add(at + "readers PUBLIC needs a consentQuestion: the public reads a text only with its writer's consent");
                }
                if (t.readers() != Readership.PUBLIC && t.consentQuestion() != null) {
                    problems.add(at + "a consentQuestion is only for readers PUBLIC");
                }
                if (t.consentQuestion() != null) {
                    Question consent = byId.get(t.consentQuestion());
                    if (consent == null) {
                        problems.add(at + "consentQuestion " + t.consentQuestion() + " does not exist");
                    } else if (!(consent.answer() instanceof AnswerSpec.YesNo)) {
                        problems.add(at + "consentQuestion " + t.consentQuestion() + " is not a yes/no question");
                    }
                }
            }
        }

        q.condition().ifPresent(r -> {
            Question other = byId.get(r.question());
            if (other == null) {
                problems.add(at + "restriction refers to question " + r.question() + ", which does not exist");
                return;
            }
            Set<String> otherCodes = answerCodes(other.answer());
            r.in().stream().filter(c -> !otherCodes.contains(c)).forEach(c -> problems.add(
                    at + "restriction code " + c + " is not an answer to " + r.question()));
            Set<String> ownCodes = answerCodes(q.answer());
            r.allowed().stream().filter(c -> !ownCodes.contains(c)).forEach(c -> problems.add(
                    at + "restriction allows " + c + ", which is not one of its own answers"));
        });
        return problems;
    }

    private static void checkOptions(List<String> problems, String at, List<Option> options) {
        checkOptions(problems, at, options, false);
    }

    private static void checkOptions(List<String> problems, String at, List<Option> options, boolean mayBeEmpty) {
        if (options.isEmpty() && !mayBeEmpty) {
            problems.add(at + "has no options");
        }
        Set<String> seen = new HashSet<>();
        for (Option option : options) {
            if (option.code() == null || option.code().isBlank()) {
                problems.add(at + "an option has no code");
            } else if (!seen.add(option.code())) {
                problems.add(at + "option " + option.code() + " is defined twice");
            }
            if (option.label() == null || option.label().isBlank()) {
                problems.add(at + "option " + option.code() + " has no label");
            }
        }
    }

    private static boolean isPointOf(String text, AnswerSpec.Likert scale) {
        if (!text.matches("-?[0-9]{1,9}")) {
            return false;
        }
        int point = Integer.parseInt(text);
        return point >= scale.min() && point <= scale.max();
    }

    /** The codes a question can be answered with (restrictions and consent refer to these). */
    private static Set<String> answerCodes(AnswerSpec spec) {
        return switch (spec) {
            case AnswerSpec.Single s -> codes(s.options());
            case AnswerSpec.Multiple m -> codes(m.options());
            case AnswerSpec.YesNo y -> codes(AnswerSpec.YesNo.OPTIONS);
            case AnswerSpec.Likert l -> codes(l.extraOptions());
            case AnswerSpec.FromToken t -> Set.of();
            case AnswerSpec.WholeNumber n -> Set.of();
            case AnswerSpec.DecimalNumber d -> Set.of();
            case AnswerSpec.FreeText t -> Set.of();
        };
    }

    private static Set<String> codes(List<Option> options) {
        Set<String> codes = new HashSet<>();
        options.forEach(o -> codes.add(o.code()));
        return codes;
    }

    private static void requireText(List<String> problems, String what, String value) {
        if (value == null || value.isBlank()) {
            problems.add(what + " is missing");
        }
    }

    /** Instants and dates as ISO-8601 text ("2026-10-01T00:00:00Z", "2026-10-01"), without jackson-datatype-jsr310. */
    private static SimpleModule javaTimeAsIsoText() {
        SimpleModule module = new SimpleModule("java-time-as-iso-text");
        module.addSerializer(Instant.class, ToStringSerializer.instance);
        module.addSerializer(LocalDate.class, ToStringSerializer.instance);
        module.addDeserializer(Instant.class, isoText(Instant.class, Instant::parse));
        module.addDeserializer(LocalDate.class, isoText(LocalDate.class, LocalDate::parse));
        return module;
    }

    private static <T> JsonDeserializer<T> isoText(Class<T> type, Function<String, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return type.cast(context.handleUnexpectedToken(type, parser));
                }
                String text = parser.getText();
                try {
                    return parse.apply(text);
                } catch (DateTimeParseException e) {
                    return type.cast(context.handleWeirdStringValue(type, text, "not an ISO-8601 value"));
                }
            }
        };
    }
}
