package nhssm.core.token;

import java.util.Optional;

/** Finds a token's grant, by its hash: the only form in which a token is ever stored. */
public interface TokenLookup {

    Optional<StoredToken> findToken(TokenHash hash);
}
