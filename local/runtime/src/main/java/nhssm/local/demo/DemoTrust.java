package nhssm.local.demo;

import nhssm.core.trust.Trust;

/** The trust whose report shows one {@link DemoCase}. */
public record DemoTrust(DemoCase demoCase, Trust trust) {

    /** {@code trust-RJ1-conflicts.pdf}. */
    public String fileName(String extension) {
        return "trust-" + trust.odsCode() + "-" + demoCase.slug() + "." + extension;
    }
}
