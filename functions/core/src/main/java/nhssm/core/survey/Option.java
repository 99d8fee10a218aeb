package nhssm.core.survey;

/** One answer code with its label. Codes are stable across rounds; labels may change. */
public record Option(String code, String label) {
}
