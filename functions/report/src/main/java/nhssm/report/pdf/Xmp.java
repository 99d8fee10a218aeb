package nhssm.report.pdf;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import nhssm.report.document.ReportDocument;

/** The XMP metadata packet: title, description, language, dates, producer and the PDF/UA identifier. */
final class Xmp {

    private Xmp() {
    }

    static String packet(ReportDocument report, String producer) {
        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(report.metadata().publishedAt().atOffset(ZoneOffset.UTC).withNano(0));
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                    <rdf:Description rdf:about=""
                        xmlns:dc="http://purl.org/dc/elements/1.1/"
                        xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                        xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                        xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                      <dc:format>application/pdf</dc:format>
                      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
                      <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>
                      <xmp:CreateDate>%s</xmp:CreateDate>
                      <xmp:ModifyDate>%s</xmp:ModifyDate>
                      <xmp:MetadataDate>%s</xmp:MetadataDate>
                      <xmp:CreatorTool>nhssm</xmp:CreatorTool>
                      <pdf:Producer>%s</pdf:Producer>
                      <pdfuaid:part>1</pdfuaid:part>
                    </rdf:Description>
                  </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(escape(report.title()), escape(report.metadata().subject()),
                escape(report.language()), date, date, date, escape(producer));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    // XML 1.0 forbids most control characters, even escaped.
                    if (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r') {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
