package nhssm.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of malformed and hostile input, by part of a request. None of them, combined as
 * {@link BadInputProperties} combines them, makes a request that should change the table: where a request
 * carries a token that may write, its body or its headers are always refused.
 */
final class HostileRequests {

    /** The tokens a request may carry, made once the system runs. */
    record Tokens(String admin, String lead, String staff, String otherTrustLead, String expired,
            String otherRound, String responseId) {
    }

    private final Tokens tokens;

    HostileRequests(Tokens tokens) {
        this.tokens = tokens;
    }

    // ---- path segments: {round}, {ods}, {file}, {id} ------------------------------------------------

    /**
     * A path segment as sent (percent-encoded where a URI needs it); the odd ones decode to anything. Not a
     * broken escape such as a bare {@code %}: the HTTP server refuses that request line before any route.
     */
    Arbitrary<String> segment(String valid) {
        return Arbitraries.<String>frequencyOf(
                weighted(2, Arbitraries.just(valid)),
                weighted(6, Arbitraries.of(
                        "", ".", "..", "%2e%2e", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "..%2F..%2Fetc%2Fpasswd",
                        "%252e%252e", "%00", valid + "%00", valid + "%0d%0aX-Injected:%201", "%0d%0aX-Injected:1",
                        "%C3%28", "%FF", "%C0%AF", "%ED%A0%80", "2026%20", "%202026", "20%2026",
                        "-1", "0", "99999999999999999999999", "1e400", "NaN", "2026.0", "2026;x=1", valid + ".json",
                        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%20'1'='1", "%24%7Bjndi:ldap:%2F%2Fx%7D",
                        "%E2%80%AE" + valid, "%F0%9D%9F%9A%F0%9D%9F%98", "~", "*", "$", "con", "NUL", "RJ1",
                        "rj1", "RJ1.pdf", "RJ1.html", "RJ1.csv", "RJ1.PDF", "RJ1.pdf.pdf", "RJ1%2Epdf", ".pdf",
                        "national.pdf", "national.csv", "national.html", "national.PDF", "national", "national.",
                        "national.exe", "national.pdf%00.html", "R0A.pdf", "ZZZ99.pdf", "R1.pdf", "RJ1X.pdf",
                        "RJ1_.pdf", "2025", "9999", "1970", tokens.responseId(), tokens.responseId() + "x",
                        "00000000-0000-0000-0000-000000000000")),
                weighted(2, Arbitraries.strings().ofMinLength(1).ofMaxLength(40).map(HostileRequests::encode)),
                weighted(1, Arbitraries.strings().withCharRange('0', '9').ofMinLength(2000).ofMaxLength(6000)));
    }

    // ---- tokens ----------------------------------------------------------------------------------

    /** An Authorization header none of whose values may write: absent, forged, expired, another round's. */
    Arbitrary<Optional<String>> refusedAuthorization() {
        return Arbitraries.<Optional<String>>frequencyOf(
                weighted(2, Arbitraries.just(Optional.<String>empty())),
                weighted(6, forgedToken().map(t -> Optional.of("Bearer " + t))),
                weighted(2, Arbitraries.of(tokens.expired(), tokens.otherRound()).map(t -> Optional.of("Bearer " + t))),
                weighted(2, Arbitraries.of(
                        "Bearer", "Bearer ", "Basic " + tokens.lead(), "bearer",
                        tokens.lead(), "Bearer " + tokens.lead() + " " + tokens.lead(), "Bearer " + tokens.lead() + ".",
                        "Bearer \u00e9" + tokens.lead(), "Bearer " + "A".repeat(8000), "Bearer %00",
                        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", "Token " + tokens.admin())
                        .map(Optional::of)));
    }

    /** Random and near-miss tokens: 43 characters of URL-safe base64, a real token with one character changed. */
    Arbitrary<String> forgedToken() {
        Arbitrary<String> random = Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_").ofLength(43);
        Arbitrary<String> nearMiss = Combinators.combine(
                        Arbitraries.of(tokens.admin(), tokens.lead(), tokens.staff()),
                        Arbitraries.integers().between(0, 42),
                        Arbitraries.of('A', 'z', '0', '-', '_'))
                .as((token, at, c) -> {
                    char replacement = token.charAt(at) == c ? (c == 'A' ? 'B' : 'A') : c;
                    return token.substring(0, at) + replacement + token.substring(at + 1);
                });
        return Arbitraries.oneOf(random, nearMiss,
                Arbitraries.of(tokens.lead().substring(1), tokens.lead() + "A", tokens.lead().toLowerCase(),
                        "", "null", "undefined", "../" + tokens.lead()));
    }

    // ---- bodies ------------------------------------------------------------------------------------

    /** A JSON or form body that the survey's rules refuse (or that is not a body at all), with its Content-Type. */
    Arbitrary<Body> refusedBody() {
        return Arbitraries.<Body>frequencyOf(
                weighted(6, Arbitraries.of(
                        "", "{", "}", "{\"status\":", "{\"status\":\"DRAFT\",}", "[1,2", "nul", "{} x", "{'a':1}",
                        "{\"status\":\"DRAFT\" /* c */}", "\"\\ud800\"", "{\"status\":\"DRAFT\",\"answers\":{\"Q42\":\"\\u\"}}",
                        "[]", "\"SUBMITTED\"", "1", "null", "true", "{\"status\":1}", "{\"answers\":[]}",
                        "{\"status\":\"SUBMITTED\",\"answers\":\"x\"}", "{\"status\":\"MAYBE\",\"answers\":{}}",
                        "{\"status\":null,\"answers\":null}", "{\"status\":[\"DRAFT\"],\"answers\":{}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":1e999999}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q43\":1e999999999}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q43\":1e7000000}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q30\":-1e-999999999}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":123456789012345678901234567890}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":-1}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":1.5}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":\"12abc\"}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":{\"$gt\":0}}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":[1,2]}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":true}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q30\":1e-400,\"Q07\":-1}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q37\":6}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q37\":\"DONT_KNOWX\"}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q999\":\"x\"}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"__proto__\":{\"admin\":true}}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q02\":\"NOT_A_CODE\"}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q02\":7}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q06\":[\"X_TWITTER\",\"MYSPACE\"]}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q06\":\"X_TWITTER,LINKEDIN\"}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q42\":\"<script>alert(1)</script>\",\"Q999\":1}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q42\":\"\\u0000\\u202e\",\"Q07\":-5}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":-1,\"Q42\":\"" + "x".repeat(20_000) + "\"}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":-1},\"id\":\"" + tokens.responseId() + "\",\"Q07\":1}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":-1},\"trust\":{\"odsCode\":\"R0A\"}}",
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":-1},\"kind\":\"OFFICIAL\",\"version\":99}",
                        "{\"odsCode\":\"ZZZ\"}", "{\"odsCode\":\"rj1\"}", "{\"odsCode\":\"RJ1 \"}",
                        "{\"odsCode\":\"../RJ1\"}", "{\"odsCode\":12}", "{\"odsCode\":null}", "{\"odsCode\":[\"RJ1\"]}",
                        "{\"odsCode\":\"R0C\"}", "{\"odsCode\":\"RJ1\\u0000\"}", "{\"odsCode\":\"\"}")
                        .map(Body::json)),
                weighted(2, Arbitraries.of(
                        new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'},
                        new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'},
                        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
                        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
                        new byte[] {0, 0, 0, '{', 0, '}'})
                        .map(bytes -> new Body("application/json", bytes))),
                weighted(2, Arbitraries.integers().between(1_000, 20_000).map(depth ->
                        Body.json("{\"status\":\"DRAFT\",\"answers\":{\"Q42\":" + "[".repeat(depth)
                                + "]".repeat(depth) + "}}"))),
                weighted(1, Arbitraries.integers().between(1_000, 30_000).map(depth ->
                        Body.json("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)))),
                weighted(2, Arbitraries.of(
                        "status=DRAFT&Q07=%ZZ", "status=DRAFT&Q07=1e999", "status=DRAFT&Q999=1", "status=NOPE",
                        "status=DRAFT&Q07=%C3%28", "status=DRAFT&Q02=NOT_A_CODE", "=&=&&&", "status",
                        "status=DRAFT&Q07=12&Q07=13", "csrf=x&status=DRAFT&Q07=-1")
                        .map(form -> new Body("application/x-www-form-urlencoded",
                                form.getBytes(StandardCharsets.UTF_8)))),
                weighted(2, Arbitraries.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                                "application/json; charset=latin1", "application/json; charset=utf-16",
                                "application/jsonx", "*/*", "", "application/x-www-form-urlencoded; charset=koi8-r")
                        .map(type -> new Body(type, "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":-1}}"
                                .getBytes(StandardCharsets.UTF_8)))),
                weighted(1, Arbitraries.of(65_537, 200_000, 1_000_000).map(size -> Body.json(
                        "{\"status\":\"DRAFT\",\"answers\":{\"Q42\":\"" + "y".repeat(size) + "\"}}"))),
                weighted(3, hostileNumberBody()));
    }

    /**
     * A number whose text is short but whose value is vast, or whose text is long: exponents from ±41 to
     * ±999,999,999, 1,000 to 60,000 digits (a body still under 64 KB), and 100,000 digits (a body over it). None is
     * within the range of any question, and none may be expanded on the way to being refused.
     */
    Arbitrary<String> hostileNumber() {
        Arbitrary<String> exponent = Combinators.combine(Arbitraries.of("1", "-1", "9.99", "0", "-0.5", "123456789"),
                        Arbitraries.of("e", "E", "e+", "E-", "e-", "e00000"),
                        Arbitraries.oneOf(Arbitraries.integers().between(41, 999_999_999),
                                Arbitraries.of(999_999_999, 7_000_000, 400, 41)))
                .as((mantissa, e, power) -> mantissa + e + power);
        Arbitrary<String> digits = Arbitraries.oneOf(
                Arbitraries.integers().between(1_000, 60_000).map(n -> "9".repeat(n)),
                Arbitraries.integers().between(1_000, 60_000).map(n -> "0." + "1".repeat(n)),
                Arbitraries.integers().between(41, 500).map(n -> "-" + "7".repeat(n) + "e-3"),
                Arbitraries.just("8".repeat(100_000)));
        return Arbitraries.frequencyOf(weighted(3, exponent), weighted(2, digits));
    }

    /** A JSON or form body with a {@link #hostileNumber()} for a number, a scale or a text question. */
    Arbitrary<Body> hostileNumberBody() {
        Arbitrary<Body> json = Combinators.combine(Arbitraries.of("Q07", "Q30", "Q37", "Q43", "Q02", "Q06"),
                        hostileNumber(), Arbitraries.of("%s", "[%s]", "[1, %s]", "{\"n\": %s}", "[[%s]]"))
                .as((question, number, shape) -> Body.json("{\"status\":\"DRAFT\",\"answers\":{\"" + question
                        + "\":" + shape.formatted(number) + "}}"));
        return Arbitraries.frequencyOf(weighted(3, json), weighted(2, hostileNumberForm()));
    }

    /** A form with a {@link #hostileNumber()}: as a browser or a client would post it. */
    Arbitrary<Body> hostileNumberForm() {
        // A form sends text: a short number is a valid answer to a text question, so Q43 only gets long ones.
        Arbitrary<String> field = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("Q07", "Q21", "Q30", "Q37"), hostileNumber())
                        .as((question, number) -> question + "=" + encode(number)),
                hostileNumber().filter(n -> n.length() > 1_000).map(n -> "Q43=" + n));
        return field.map(f -> new Body("application/x-www-form-urlencoded",
                ("status=DRAFT&" + f).getBytes(StandardCharsets.UTF_8)));
    }

    /** Any body, valid ones too: for requests whose token is refused anyway. */
    Arbitrary<Body> anyBody() {
        return Arbitraries.<Body>frequencyOf(
                weighted(3, refusedBody()),
                weighted(1, Arbitraries.of(
                        "{\"status\":\"DRAFT\",\"answers\":{}}",
                        "{\"status\":\"SUBMITTED\",\"answers\":{\"Q02\":\"COMMS_DIRECTOR_HEAD\",\"Q07\":12}}",
                        "{\"odsCode\":\"R0A\"}", "{\"odsCode\":\"RJ1\"}").map(Body::json)));
    }

    /** A hostile value for a header the API reads. */
    Arbitrary<String> headerValue() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\"1\"", "\"0\"", "\"-1\"", "1", "W/\"1\"", "*", "\"99999999999999999999\"",
                        "\"1\", \"2\"", "\"", "\"\"", "\u00e9", "\u00ff\u00fe", "a\tb", "x".repeat(300),
                        "X-Injected: 1", "%0d%0aX-Injected:%201", "${jndi:ldap://x}", "<script>", "cross-site",
                        "same-origin", "none", "https", "javascript", "__Host-nhssm-token-2026=" + tokens.lead()),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300));
    }

    /** A body and its Content-Type. */
    record Body(String contentType, byte[] bytes) {
        static Body json(String json) {
            return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String encode(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static <T> Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<? extends T> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }
}
