package nhssm.core.reconcile;

import nhssm.core.response.ResponseKind;

/**
 * One free-text answer, never merged: shown back to its trust verbatim, and quoted publicly only when
 * the question allows it and {@code consentToQuote} is true. Never attributed to a person.
 */
public record FreeText(String question, ResponseKind from, String text, boolean consentToQuote) {
}
