package nhssm.local.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nhssm.core.stats.RoundStatistics;
import nhssm.core.trust.Trust;

/** Chooses one responding trust per {@link DemoCase} from a round's statistics. */
public final class DemoTrusts {

    /** The rarest cases choose first, so a trust that fits several is not taken from a case with no other. */
    private static final List<DemoCase> CHOOSING_ORDER = List.of(
            DemoCase.SMALL_PEER_GROUP, DemoCase.WELSH_EMOJI, DemoCase.CONFLICTS, DemoCase.NO_OFFICIAL_RETURN);

    private DemoTrusts() {
    }

    /**
     * One trust per case, in {@link DemoCase} order: of the trusts that fit it and are not chosen already,
     * the one that fits the fewest other cases (so that each report shows its case plainly), then the
     * first by ODS code; when every trust that fits is chosen already, the first of those.
     *
     * @throws DemoFailedException naming every case no responding trust fits
     */
    public static List<DemoTrust> choose(RoundStatistics statistics) {
        List<Trust> responding = statistics.participants().stream()
                .sorted(Comparator.comparing(Trust::odsCode))
                .toList();
        Map<DemoCase, Trust> chosen = new EnumMap<>(DemoCase.class);
        Set<String> taken = new HashSet<>();
        List<DemoCase> missing = new ArrayList<>();
        Map<String, Long> casesFitted = responding.stream().collect(Collectors.toMap(Trust::odsCode,
                t -> Arrays.stream(DemoCase.values()).filter(c -> fits(c, t, statistics)).count()));
        for (DemoCase demoCase : CHOOSING_ORDER) {
            List<Trust> fitting = responding.stream()
                    .filter(t -> fits(demoCase, t, statistics))
                    .sorted(Comparator.comparing((Trust t) -> casesFitted.get(t.odsCode())).thenComparing(Trust::odsCode))
                    .toList();
            Optional<Trust> trust = fitting.stream().filter(t -> !taken.contains(t.odsCode())).findFirst()
                    .or(() -> fitting.stream().findFirst());
            trust.ifPresentOrElse(t -> {
                chosen.put(demoCase, t);
                taken.add(t.odsCode());
            }, () -> missing.add(demoCase));
        }
        if (!missing.isEmpty()) {
            missing.sort(Comparator.naturalOrder());
            throw new DemoFailedException("of the " + responding.size() + " responding trusts in the seeded data, none has "
                    + missing.stream().map(DemoCase::description).collect(Collectors.joining(", none has ")));
        }
        return chosen.entrySet().stream().map(e -> new DemoTrust(e.getKey(), e.getValue())).toList();
    }

    private static boolean fits(DemoCase demoCase, Trust trust, RoundStatistics statistics) {
        return demoCase.fits(trust, statistics.record(trust.odsCode()).orElseThrow(), statistics);
    }
}
