package nhssm.report.html;

/** WCAG 2.2 contrast and a hue check for colours written as #rrggbb, for the tests. */
final class Contrast {

    private Contrast() {
    }

    /** The WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 to 21. */
    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG relative luminance of an sRGB colour. */
    static double luminance(String hex) {
        double[] rgb = rgb(hex);
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            linear[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    /** A saturated colour whose hue is red (within 25° of 0°) or green (75° to 165°). */
    static boolean isRedOrGreen(String hex) {
        double[] rgb = rgb(hex);
        double max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
        double min = Math.min(rgb[0], Math.min(rgb[1], rgb[2]));
        double chroma = max - min;
        if (chroma < 0.15) {
            return false; // a grey
        }
        double hue;
        if (max == rgb[0]) {
            hue = 60 * (((rgb[1] - rgb[2]) / chroma + 6) % 6);
        } else if (max == rgb[1]) {
            hue = 60 * ((rgb[2] - rgb[0]) / chroma + 2);
        } else {
            hue = 60 * ((rgb[0] - rgb[1]) / chroma + 4);
        }
        return hue <= 25 || hue >= 335 || hue >= 75 && hue <= 165;
    }

    private static double[] rgb(String hex) {
        if (!hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + hex);
        }
        return new double[] {Integer.parseInt(hex.substring(1, 3), 16) / 255.0,
                Integer.parseInt(hex.substring(3, 5), 16) / 255.0, Integer.parseInt(hex.substring(5, 7), 16) / 255.0};
    }
}
