package nhssm.core.stats;

import java.util.Objects;
import nhssm.core.survey.Option;

/** How many trusts (or individuals) gave one answer option: the option's code and label, and the cell. */
public record OptionCell(Option option, CountCell cell) {

    public OptionCell {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(cell, "cell");
    }

    public String code() {
        return option.code();
    }
}
