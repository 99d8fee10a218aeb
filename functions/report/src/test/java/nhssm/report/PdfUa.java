package nhssm.report;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * The PDF/UA-1 check every report test shares: veraPDF with its PDF/UA-1 profile, the same validator the
 * accessibility requirement names. Use {@link #failures} in an assertion ("failed PDF/UA-1 rules" is empty).
 */
public final class PdfUa {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfUa() {
    }

    /** What veraPDF concluded about {@code pdf}: every check made, and the failed ones. */
    public record Verdict(int checks, boolean compliant, List<String> failures) {
    }

    /** Validates {@code pdf} against PDF/UA-1. */
    public static Verdict validate(byte[] pdf) {
        ValidationResult result;
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFUA_1);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            result = validator.validate(parser);
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the document", e);
        }
        return new Verdict(result.getTotalAssertions(), result.isCompliant(), failures(result));
    }

    /** Each failed rule with its description and the first message, to make a failure actionable. */
    public static List<String> failures(byte[] pdf) {
        return validate(pdf).failures();
    }

    private static List<String> failures(ValidationResult result) {
        List<String> failures = new ArrayList<>();
        for (RuleId rule : result.getFailedChecks().keySet()) {
            String description = result.getValidationProfile().getRuleByRuleId(rule).getDescription();
            String example = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED && a.getRuleId().equals(rule))
                    .map(a -> a.getLocation().getContext() + ": " + a.getErrorMessage())
                    .findFirst().orElse("");
            failures.add(rule.getClause() + "-" + rule.getTestNumber() + " (" + result.getFailedChecks().get(rule)
                    + "x) " + description + " e.g. " + example);
        }
        failures.sort(null);
        return List.copyOf(failures);
    }
}
