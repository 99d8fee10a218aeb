package nhssm.collect.form;

/**
 * The sign-out button under the form and the receipt: its own small form, posted with the page's CSRF field,
 * after which the browser forgets the link (and which response was its own).
 */
final class SignOutMarkup {

    private SignOutMarkup() {
    }

    static void write(Markup main, String round, String csrf) {
        main.raw("<form method=\"post\" class=\"sign-out\"").attribute("action", "/survey/" + round + "/sign-out")
                .raw(">\n<input type=\"hidden\" name=\"csrf\"").attribute("value", csrf).raw(">\n")
                .element("p", "body", "On a shared computer, sign out when you have finished: this browser then "
                        + "forgets your link and your answers, which stay saved.")
                .raw("<button type=\"submit\" class=\"button button-secondary\" id=\"sign-out\">")
                .text("Sign out").raw("</button>\n</form>\n");
    }
}
