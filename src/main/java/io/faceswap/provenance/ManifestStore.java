package io.faceswap.provenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One result's C2PA manifest store: a single manifest with a v2 claim over three assertions (the actions, the task
 * reference, the hard binding), signed by the {@link CoseSigner}. The manifest's label is fixed at construction so
 * the store can be built again with the binding's final values at the same size.
 */
final class ManifestStore {
    /** IPTC's term for media in which a trained model has replaced part of a captured original. */
    static final String DIGITAL_SOURCE_TYPE =
            "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia";

    static final String TASK_ASSERTION = "io.faceswap.task";

    private final CoseSigner signer;
    private final Provenance.Generator generator;
    private final String taskId;
    private final String label = "urn:c2pa:" + UUID.randomUUID();

    ManifestStore(CoseSigner signer, Provenance.Generator generator, String taskId) {
        this.signer = signer;
        this.generator = generator;
        this.taskId = taskId;
    }

    /** The JUMBF URI of this manifest, as XMP's dcterms:provenance names it. */
    String uri() {
        return "self#jumbf=/c2pa/" + label;
    }

    /** The whole store (a {@code jumb} box) with {@code binding} as the hard-binding assertion. */
    byte[] build(String bindingLabel, Map<String, Object> binding) {
        Map<String, Object> softwareAgent = new LinkedHashMap<>();
        softwareAgent.put("name", generator.name());
        softwareAgent.put("version", generator.version());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("action", "c2pa.created");
        created.put("digitalSourceType", DIGITAL_SOURCE_TYPE);
        created.put("softwareAgent", softwareAgent);
        created.put("description", "A face in the original media was replaced by one generated from a photo");
        Map<String, Object> actions = Map.of("actions", List.of(created));

        List<byte[]> boxes = new ArrayList<>();
        List<Object> hashedUris = new ArrayList<>();
        addAssertion("c2pa.actions.v2", actions, boxes, hashedUris);
        addAssertion(TASK_ASSERTION, Map.of("taskId", taskId), boxes, hashedUris);
        addAssertion(bindingLabel, binding, boxes, hashedUris);
        byte[] assertionStore = Jumbf.superbox(Jumbf.ASSERTIONS, "c2pa.assertions", boxes.toArray(byte[][]::new));

        Map<String, Object> generatorInfo = new LinkedHashMap<>();
        generatorInfo.put("name", generator.name());
        generatorInfo.put("version", generator.version());
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("instanceID", "xmp:iid:" + label.substring("urn:c2pa:".length()));
        claim.put("claim_generator_info", generatorInfo);
        claim.put("signature", uri() + "/c2pa.signature");
        claim.put("created_assertions", hashedUris);
        claim.put("alg", "sha256");
        byte[] claimCbor = Cbor.encode(claim);
        byte[] claimBox = Jumbf.superbox(Jumbf.CLAIM, "c2pa.claim.v2", Jumbf.box("cbor", claimCbor));
        byte[] signatureBox =
                Jumbf.superbox(Jumbf.SIGNATURE, "c2pa.signature", Jumbf.box("cbor", signer.sign(claimCbor)));
        byte[] manifest = Jumbf.superbox(Jumbf.MANIFEST, label, assertionStore, claimBox, signatureBox);
        return Jumbf.superbox(Jumbf.STORE, "c2pa", manifest);
    }

    private void addAssertion(String assertionLabel, Object content, List<byte[]> boxes, List<Object> hashedUris) {
        byte[] payload = Jumbf.superboxPayload(Jumbf.CBOR, assertionLabel, Jumbf.box("cbor", Cbor.encode(content)));
        boxes.add(Jumbf.box("jumb", payload));
        Map<String, Object> uri = new LinkedHashMap<>();
        uri.put("url", uri() + "/c2pa.assertions/" + assertionLabel);
        uri.put("hash", Jumbf.sha256(payload));
        hashedUris.add(uri);
    }
}
