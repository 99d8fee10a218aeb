package nhssm.report.document;

import java.util.List;
import java.util.Objects;

/** What a {@link Block.Figure} draws. Each kind of chart is one record here and one drawing in each renderer. */
public sealed interface Chart permits Chart.HorizontalBars {

    /**
     * Horizontal bars on a common scale from 0 to {@code max}, each labelled directly with its name and
     * its shown value (for example "31 of 42 (74%)"), so the chart never relies on colour or a legend.
     */
    record HorizontalBars(List<Bar> bars, double max) implements Chart {
        public HorizontalBars {
            bars = List.copyOf(bars);
            if (!(max > 0)) {
                throw new IllegalArgumentException("The scale maximum must be positive, was " + max);
            }
            for (Bar bar : bars) {
                if (bar.value() < 0 || bar.value() > max) {
                    throw new IllegalArgumentException("Bar '" + bar.label() + "' is outside 0.." + max);
                }
            }
        }

        /** One bar: its label, its value on the scale and the value as printed beside it. */
        public record Bar(String label, double value, String shownValue) {
            public Bar {
                Objects.requireNonNull(label, "label");
                Objects.requireNonNull(shownValue, "shownValue");
            }
        }
    }
}
