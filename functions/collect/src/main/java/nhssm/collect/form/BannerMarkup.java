package nhssm.collect.form;

/** Writes a {@link Banner}: a region with a heading, announced at once when it is important. */
final class BannerMarkup {

    private BannerMarkup() {
    }

    static void write(Markup main, Banner banner) {
        main.raw("<div").attribute("class", banner.important() ? "banner banner-important" : "banner")
                .raw(banner.important() ? " role=\"alert\">\n" : " role=\"status\">\n")
                .element("h2", "banner-heading", banner.heading());
        banner.lines().forEach(line -> main.element("p", "body", line));
        main.raw("</div>\n");
    }
}
