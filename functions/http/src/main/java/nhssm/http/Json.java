package nhssm.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the HTTP edge: strict on input, so a sloppy or hostile body is refused, not guessed at. */
public final class Json {

    /** Deep enough for any body this API takes; shallow enough that nesting cannot exhaust the stack. */
    private static final int MAX_NESTING = 16;
    /**
     * As long as the largest body the API reads (64 KB): a number too long for a question is refused by the field's
     * own check ({@link JsonNumber}), naming the field, rather than failing the whole body. The exponent is not
     * bounded here: a survey answer is read as text and checked before it is expanded.
     */
    private static final int MAX_NUMBER_LENGTH = 64 * 1024;

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER_LENGTH).build());
    }

    private Json() {
    }
}
