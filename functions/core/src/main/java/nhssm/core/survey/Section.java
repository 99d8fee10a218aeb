package nhssm.core.survey;

/** A report section (ID, CH, SP, …) that groups questions in the form and in the reports. */
public record Section(String code, String title) {
}
