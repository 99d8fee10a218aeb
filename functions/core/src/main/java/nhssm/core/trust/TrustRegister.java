package nhssm.core.trust;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NHS trust reference list (ODS code, name, type, region, open and close dates), read from the
 * copy carried in this jar. Provenance: {@code nhssm/trusts/nhs-trusts.PROVENANCE.md} beside it.
 */
public final class TrustRegister {

    private static final String RESOURCE = "/nhssm/trusts/nhs-trusts.csv";
    private static final String HEADER = "ods_code,name,type,region,open_date,close_date";

    private final Map<String, Trust> byCode;

    public TrustRegister(Collection<Trust> trusts) {
        Map<String, Trust> index = new LinkedHashMap<>();
        trusts.forEach(t -> index.put(t.odsCode(), t));
        this.byCode = Map.copyOf(index);
    }

    /** The list shipped with nhssm. */
    public static TrustRegister bundled() {
        try (InputStream in = TrustRegister.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("trust reference list missing from the classpath: " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trust reference list " + RESOURCE, e);
        }
    }

    static TrustRegister parse(BufferedReader reader) throws IOException {
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalStateException("unexpected trust list header: " + header);
        }
        List<Trust> trusts = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = CsvLine.split(line);
            if (f.size() != 6) {
                throw new IllegalStateException("trust list row has " + f.size() + " fields, expected 6: " + line);
            }
            trusts.add(new Trust(f.get(0), f.get(1), f.get(2), f.get(3), LocalDate.parse(f.get(4)),
                    f.get(5).isEmpty() ? null : LocalDate.parse(f.get(5))));
        }
        return new TrustRegister(trusts);
    }

    public Optional<Trust> find(String odsCode) {
        return Optional.ofNullable(byCode.get(odsCode));
    }

    /** Every trust open on {@code date}, in ODS-code order: the denominator of a round. */
    public List<Trust> openOn(LocalDate date) {
        return byCode.values().stream()
                .filter(t -> t.isOpenOn(date))
                .sorted(java.util.Comparator.comparing(Trust::odsCode))
                .toList();
    }

    public Collection<Trust> all() {
        return byCode.values();
    }
}
