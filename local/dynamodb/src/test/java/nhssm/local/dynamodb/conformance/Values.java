package nhssm.local.dynamodb.conformance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short spellings of attribute values and items, so a test reads like the item it stores. */
public final class Values {

    private Values() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue b(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(raw));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static AttributeValue nul() {
        return AttributeValue.fromNul(true);
    }

    public static AttributeValue ss(String... values) {
        return AttributeValue.fromSs(Arrays.asList(values));
    }

    public static AttributeValue ns(String... values) {
        return AttributeValue.fromNs(Arrays.asList(values));
    }

    public static AttributeValue list(AttributeValue... values) {
        return AttributeValue.fromL(List.of(values));
    }

    public static AttributeValue map(Object... namesAndValues) {
        return AttributeValue.fromM(item(namesAndValues));
    }

    /** An item from alternating names and values: {@code item("pk", s("a"), "n", n(1))}. */
    public static Map<String, AttributeValue> item(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }

    /** The key of a table made by {@link Tables#hashKeyTable}: {@code {"pk": {"S": pk}}}. */
    public static Map<String, AttributeValue> key(String pk) {
        return item(Tables.PK, s(pk));
    }

    /** The key of a table made by {@link Tables#hashAndSortKeyTable}. */
    public static Map<String, AttributeValue> key(String pk, AttributeValue sk) {
        return item(Tables.PK, s(pk), Tables.SK, sk);
    }

    /** A string of {@code length} ASCII characters, so its UTF-8 size is {@code length} bytes. */
    public static String ascii(int length) {
        return "x".repeat(length);
    }
}
