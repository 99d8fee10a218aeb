package nhssm.bench;

import java.util.Arrays;

/** Wall-clock timing of a piece of work: warm-up runs first, then the median and quartiles of the measured runs. */
final class Timing {

    /** The median and interquartile range of the measured runs, in milliseconds. */
    record Result(double medianMs, double lowerQuartileMs, double upperQuartileMs, int runs) {
        @Override
        public String toString() {
            return String.format("%.1f ms (IQR %.1f–%.1f, %d runs)", medianMs, lowerQuartileMs, upperQuartileMs, runs);
        }
    }

    private Timing() {
    }

    static Result measure(int warmups, int runs, Runnable work) {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return of(ms);
    }

    /** The median and quartiles of durations measured elsewhere (by another process, say), in milliseconds. */
    static Result of(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Result(quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75), sorted.length);
    }

    /** Linear interpolation between order statistics (the "type 7" quantile). */
    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
