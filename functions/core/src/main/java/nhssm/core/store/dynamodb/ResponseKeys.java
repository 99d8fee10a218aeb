package nhssm.core.store.dynamodb;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nhssm.core.store.TrustKey;

/** Reads the keys of a table item back into what they name: for stream records, which carry only keys and images. */
public final class ResponseKeys {

    private static final Pattern TRUST_PARTITION = Pattern.compile("ROUND#([0-9]{4})#TRUST#([A-Z0-9]{3,5})");

    private ResponseKeys() {
    }

    /** The trust whose response this item is: empty unless {@code pk}/{@code sk} are a response's current-state keys. */
    public static Optional<TrustKey> trustOfResponse(String pk, String sk) {
        if (pk == null || sk == null || !sk.startsWith(Keys.responseSort("")) || sk.length() == Keys.responseSort("").length()) {
            return Optional.empty();
        }
        Matcher m = TRUST_PARTITION.matcher(pk);
        return m.matches() ? Optional.of(new TrustKey(m.group(1), m.group(2))) : Optional.empty();
    }
}
