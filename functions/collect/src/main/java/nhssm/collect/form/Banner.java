package nhssm.collect.form;

import java.util.List;

/**
 * A message at the top of a page that is not an error in an answer: a saved draft, a return changed by
 * someone else meanwhile, a round that has closed.
 *
 * @param important whether it needs action (shown with a heavier border and announced as an alert)
 */
public record Banner(String heading, List<String> lines, boolean important) {

    public Banner {
        lines = List.copyOf(lines);
    }
}
