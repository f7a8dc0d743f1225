package io.faceswap.provenance;

import java.nio.charset.StandardCharsets;

/** The XMP packet every result carries: IPTC's digital source type, and where its C2PA manifest is. */
final class Xmp {
    private Xmp() {}

    static byte[] packet(String manifestUri) {
        String xml = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\"\n"
                + "    xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\"\n"
                + "    xmlns:dcterms=\"http://purl.org/dc/terms/\"\n"
                + "    Iptc4xmpExt:DigitalSourceType=\"" + ManifestStore.DIGITAL_SOURCE_TYPE + "\"\n"
                + "    dcterms:provenance=\"" + manifestUri + "\"/>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"r\"?>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
