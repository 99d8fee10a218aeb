package nhssm.local.dynamodb.engine.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ItemSizeTest {

    @Test
    void strings_shouldCountUtf8BytesOfNameAndValue() {
        assertThat(ItemSize.of(Map.of("name", new AttributeValue.S("abc")))).isEqualTo(4 + 3);
        // é is 2 bytes, € 3, and 😀 (a surrogate pair) 4.
        assertThat(ItemSize.of(Map.of("é", new AttributeValue.S("€😀")))).isEqualTo(2 + 3 + 4);
    }

    @Test
    void numbers_shouldCountOneBytePerTwoSignificantDigits_plusOne() {
        assertThat(ItemSize.of(new AttributeValue.N(new BigDecimal("1")))).isEqualTo(2);
        assertThat(ItemSize.of(new AttributeValue.N(new BigDecimal("12")))).isEqualTo(2);
        assertThat(ItemSize.of(new AttributeValue.N(new BigDecimal("123")))).isEqualTo(3);
        // Trailing and leading zeros are not significant.
        assertThat(ItemSize.of(new AttributeValue.N(new BigDecimal("1200000")))).isEqualTo(2);
        assertThat(ItemSize.of(new AttributeValue.N(new BigDecimal("0.0012")))).isEqualTo(2);
    }

    @Test
    void documents_shouldCountThreeBytesPlusOnePerElement() {
        Map<String, AttributeValue> inner = new LinkedHashMap<>();
        inner.put("k", new AttributeValue.S("vv"));
        assertThat(ItemSize.of(new AttributeValue.M(Map.of()))).isEqualTo(3);
        assertThat(ItemSize.of(new AttributeValue.M(inner))).isEqualTo(3 + 1 + 1 + 2);
        assertThat(ItemSize.of(new AttributeValue.L(List.of(new AttributeValue.Bool(true), new AttributeValue.Null()))))
                .isEqualTo(3 + (1 + 1) + (1 + 1));
    }

    @Test
    void binariesAndSets_shouldCountTheirMembers() {
        assertThat(ItemSize.of(new AttributeValue.B(Bytes.of(new byte[10])))).isEqualTo(10);
        assertThat(ItemSize.of(new AttributeValue.SS(Set.of("a", "bc")))).isEqualTo(3);
        assertThat(ItemSize.of(new AttributeValue.BS(Set.of(Bytes.of(new byte[2]), Bytes.of(new byte[3]))))).isEqualTo(5);
    }
}
