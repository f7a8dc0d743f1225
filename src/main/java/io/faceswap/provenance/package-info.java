/**
 * Content credentials for results: a C2PA manifest (JUMBF boxes holding a CBOR claim signed with COSE_Sign1), hard
 * bound to the file (data hash for JPEG and PNG, BMFF hash for MP4), and an XMP packet naming the IPTC digital source
 * type, written into the finished file. Follows the C2PA 2.x specification; proven by the official reader (c2pa-rs)
 * in the tests.
 * <p>
 * Plain Java on the JDK and BouncyCastle (certificates): must not depend on Jakarta EE, MicroProfile or any other
 * package of this application, so that its tests run without a server. The batch layer adapts it.
 */
package io.faceswap.provenance;
