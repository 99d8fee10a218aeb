package nhssm.core.reconcile;

import java.util.Map;
import nhssm.core.response.Answer;

/** A trust's reconciled value for one question, with how it was arrived at. */
public sealed interface Reconciled {

    Provenance provenance();

    /** The official return's answer. */
    record FromOfficial(Answer answer) implements Reconciled {
        @Override
        public Provenance provenance() {
            return Provenance.OFFICIAL;
        }
    }

    /**
     * The answer a majority of the {@code answering} individuals gave. For a multiple-choice question,
     * the options a majority chose (possibly none).
     */
    record ByMajority(Answer answer, int answering) implements Reconciled {
        @Override
        public Provenance provenance() {
            return Provenance.MAJORITY;
        }
    }

    /** The median of the {@code answering} individuals' numbers or scale points. */
    record ByMedian(Answer answer, int answering) implements Reconciled {
        @Override
        public Provenance provenance() {
            return Provenance.MEDIAN;
        }
    }

    /** No majority: how the {@code answering} individuals split, by code. */
    record Conflict(Map<String, Integer> split, int answering) implements Reconciled {
        public Conflict {
            split = Map.copyOf(split);
        }

        @Override
        public Provenance provenance() {
            return Provenance.CONFLICT;
        }
    }
}
