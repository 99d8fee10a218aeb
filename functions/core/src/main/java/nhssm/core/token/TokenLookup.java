package nhssm.core.token;

import java.util.Optional;

/** Finds what a token grants, by its hash: the only form in which a token is ever stored. */
public interface TokenLookup {

    Optional<TokenGrant> findToken(TokenHash hash);
}
