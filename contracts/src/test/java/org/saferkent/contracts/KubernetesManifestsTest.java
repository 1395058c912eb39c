package org.saferkent.contracts;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s (kustomize) held to its promises, structurally: no cluster and no network here, and no
 * Kubernetes JSON schema is available offline, so each manifest is read as YAML and checked for what a
 * cluster would need and what the README says: known kinds, every Deployment with requests and limits,
 * the three probes on the service's health groups, a non-root read-only container, a Service and a
 * PodDisruptionBudget selecting it with the same labels, no {@code latest} image, secrets only by
 * reference, every ConfigMap key it reads defined, and each kustomization listing every file beside it.
 */
class KubernetesManifestsTest {

    private static final Path K8S = ContractFiles.root().getParent().resolve("deploy/k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final Path OVERLAYS = K8S.resolve("overlays");

    private static final Set<String> KNOWN = Set.of("v1/ConfigMap", "v1/Service", "apps/v1/Deployment",
            "policy/v1/PodDisruptionBudget", "networking.k8s.io/v1/NetworkPolicy");
    /** an environment variable of this name carries a secret: only from a Secret */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|MASTERKEYS_).*");
    /** credentials written into a value: user:password@ in a URI, password="..." in a JAAS line */
    private static final Pattern URI_CREDENTIAL = Pattern.compile("://[^:/@\\s]+:([^@\\s]+)@");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("password=\"([^\"]*)\"");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Z0-9_]+)\\)");
    /** spring.lifecycle.timeout-per-shutdown-phase (Spring Boot's default, and the ConfigMap's) */
    private static final int SHUTDOWN_PHASE_SECONDS = 30;

    @Test
    void everyKustomizationListsEveryFileBesideItAndOnlyFilesThatExist() {
        for (Path dir : kustomizationDirs()) {
            Map<String, Object> kustomization = map(loadAll(dir.resolve("kustomization.yaml")).get(0));
            Set<String> listed = new TreeSet<>();
            for (Object resource : list(kustomization.get("resources"))) {
                String path = (String) resource;
                assertThat(Files.exists(dir.resolve(path))).as(dir + ": resource " + path).isTrue();
                if (!path.startsWith("..")) {
                    listed.add(path);
                }
            }
            for (Object patch : list(kustomization.get("patches"))) {
                String path = (String) map(patch).get("path");
                assertThat(Files.exists(dir.resolve(path))).as(dir + ": patch " + path).isTrue();
                listed.add(path);
            }
            assertThat(listed).as(dir + ": files listed in kustomization.yaml").isEqualTo(yamlFilesIn(dir));
        }
    }

    @Test
    void everyDocumentIsAKnownKindWithAName() {
        for (Map<String, Object> doc : baseDocuments()) {
            String kind = doc.get("apiVersion") + "/" + doc.get("kind");
            assertThat(KNOWN).as("apiVersion/kind").contains(kind);
            assertThat(map(doc.get("metadata")).get("name")).as(kind + " name").isInstanceOf(String.class);
        }
    }

    @Test
    void everyServiceOfTheRepositoryAndTheIdentityServerHasADeployment() throws IOException {
        Set<String> expected = new TreeSet<>(Set.of("identity"));
        try (Stream<Path> services = Files.list(K8S.getParent().getParent().resolve("services"))) {
            services.filter(dir -> declaresAnImage(dir.resolve("pom.xml")))
                    .forEach(dir -> expected.add(dir.getFileName().toString()));
        }
        Set<String> deployed = new TreeSet<>(byKind("Deployment").keySet());
        assertThat(deployed).as("a Deployment per service (deploy/k8s/base/<service>.yaml, as referrals.yaml)")
                .isEqualTo(expected);
    }

    @Test
    void everyDeploymentHasResourcesProbesAndARestrictedSecurityContext() {
        byKind("Deployment").forEach((name, deployment) -> {
            Map<String, Object> pod = podSpec(deployment);
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            assertThat(podSecurity.get("runAsNonRoot")).as(name + " runAsNonRoot").isEqualTo(true);
            assertThat(podSecurity.get("runAsUser")).as(name + " runAsUser (a number)").isInstanceOf(Integer.class);
            assertThat(pod.get("automountServiceAccountToken")).as(name + " automountServiceAccountToken").isEqualTo(false);
            assertThat((Integer) pod.get("terminationGracePeriodSeconds"))
                    .as(name + " terminationGracePeriodSeconds longer than a shutdown phase")
                    .isGreaterThan(SHUTDOWN_PHASE_SECONDS);

            for (Map<String, Object> container : containers(deployment)) {
                String where = name + "/" + container.get("name");
                Map<String, Object> resources = map(container.get("resources"));
                for (String bound : List.of("requests", "limits")) {
                    assertThat(map(resources.get(bound))).as(where + " resources." + bound)
                            .containsKeys("cpu", "memory");
                }
                assertThat(probePath(container, "startupProbe")).as(where + " startupProbe").isEqualTo("/actuator/health/liveness");
                assertThat(probePath(container, "livenessProbe")).as(where + " livenessProbe").isEqualTo("/actuator/health/liveness");
                assertThat(probePath(container, "readinessProbe")).as(where + " readinessProbe").isEqualTo("/actuator/health/readiness");

                Map<String, Object> security = map(container.get("securityContext"));
                assertThat(security.get("allowPrivilegeEscalation")).as(where + " allowPrivilegeEscalation").isEqualTo(false);
                assertThat(security.get("readOnlyRootFilesystem")).as(where + " readOnlyRootFilesystem").isEqualTo(true);
                assertThat(list(map(security.get("capabilities")).get("drop"))).as(where + " capabilities.drop").contains("ALL");

                String image = (String) container.get("image");
                assertThat(image).as(where + " image has a tag").matches(".+:[^/:]+");
                assertThat(image).as(where + " image tag").doesNotEndWith(":latest");
            }
        });
    }

    @Test
    void everyDeploymentIsSelectedByItsServiceAndItsDisruptionBudgetWithTheSameLabels() {
        Map<String, Map<String, Object>> services = byKind("Service");
        Map<String, Map<String, Object>> budgets = byKind("PodDisruptionBudget");
        byKind("Deployment").forEach((name, deployment) -> {
            Map<String, Object> spec = map(deployment.get("spec"));
            Map<String, Object> selector = map(map(spec.get("selector")).get("matchLabels"));
            Map<String, Object> template = map(map(map(spec.get("template")).get("metadata")).get("labels"));
            assertThat(selector).as(name + " selector").isNotEmpty();
            assertThat(template).as(name + " template labels hold the selector").containsAllEntriesOf(selector);

            assertThat(services).as(name + " Service").containsKey(name);
            Map<String, Object> service = map(services.get(name).get("spec"));
            assertThat(map(service.get("selector"))).as(name + " Service selector").isEqualTo(selector);
            Set<Object> containerPorts = new TreeSet<>();
            containers(deployment).forEach(c -> list(c.get("ports")).forEach(p -> containerPorts.add(map(p).get("name"))));
            list(service.get("ports")).forEach(port ->
                    assertThat(containerPorts).as(name + " Service targetPort").contains(map(port).get("targetPort")));

            assertThat(budgets).as(name + " PodDisruptionBudget").containsKey(name);
            Map<String, Object> budget = map(budgets.get(name).get("spec"));
            assertThat(map(map(budget.get("selector")).get("matchLabels"))).as(name + " PDB selector").isEqualTo(selector);
            int replicas = (Integer) spec.get("replicas");
            if (replicas >= 2) {
                assertThat(budget.get("minAvailable")).as(name + " PDB minAvailable (" + replicas + " replicas)").isEqualTo(1);
            } else {
                assertThat(budget.get("maxUnavailable")).as(name + " PDB with one replica must let a node drain").isEqualTo(1);
            }
        });
    }

    @Test
    void secretsAreOnlyReferencedNeverWritten() {
        for (Path dir : kustomizationDirs()) {
            for (String file : yamlFilesIn(dir)) {
                for (Object doc : loadAll(dir.resolve(file))) {
                    if (doc instanceof Map<?, ?> m) {
                        assertThat(m.get("kind")).as(dir.resolve(file) + ": no Secret in the repository").isNotEqualTo("Secret");
                    }
                }
            }
        }
        byKind("ConfigMap").forEach((name, configMap) -> map(configMap.get("data")).forEach((key, value) -> {
            assertThat(key).as("ConfigMap " + name + " key").doesNotMatch(SECRET_NAME);
            assertThat(URI_CREDENTIAL.matcher(String.valueOf(value)).find()).as("ConfigMap " + name + "." + key + " holds a credential").isFalse();
        }));

        byKind("Deployment").forEach((name, deployment) -> {
            for (Map<String, Object> container : containers(deployment)) {
                Map<String, String> fromSecrets = new LinkedHashMap<>();
                for (Object item : list(container.get("env"))) {
                    Map<String, Object> env = map(item);
                    String var = (String) env.get("name");
                    Map<String, Object> secretRef = map(map(env.get("valueFrom")).get("secretKeyRef"));
                    if (!secretRef.isEmpty()) {
                        assertThat(secretRef).as(name + " " + var + " secretKeyRef").containsKeys("name", "key");
                        fromSecrets.put(var, (String) secretRef.get("name"));
                        continue;
                    }
                    assertThat(var).as(name + ": " + var + " must come from a Secret (secretKeyRef)").doesNotMatch(SECRET_NAME);
                    String value = Objects.toString(env.get("value"), "");
                    for (Pattern credential : List.of(URI_CREDENTIAL, JAAS_PASSWORD)) {
                        Matcher m = credential.matcher(value);
                        while (m.find()) {
                            Matcher ref = REFERENCE.matcher(m.group(1));
                            assertThat(ref.matches() && fromSecrets.containsKey(ref.group(1)))
                                    .as(name + " " + var + ": a credential must be $(VAR) of a Secret-sourced variable defined before it, not "
                                            + m.group(1))
                                    .isTrue();
                        }
                    }
                }
            }
            for (Object volume : list(podSpec(deployment).get("volumes"))) {
                Map<String, Object> secret = map(map(volume).get("secret"));
                if (!secret.isEmpty()) {
                    assertThat(secret).as(name + " secret volume by name").containsKey("secretName");
                    assertThat(secret).as(name + " secret volume: names the Secret only").doesNotContainKey("items");
                }
            }
        });
    }

    @Test
    void everyConfigMapKeyADeploymentReadsIsDefined() {
        Map<String, Map<String, Object>> configMaps = byKind("ConfigMap");
        byKind("Deployment").forEach((name, deployment) -> {
            for (Map<String, Object> container : containers(deployment)) {
                for (Object from : list(container.get("envFrom"))) {
                    Object ref = map(map(from).get("configMapRef")).get("name");
                    if (ref != null) {
                        assertThat(configMaps).as(name + " envFrom ConfigMap").containsKey((String) ref);
                    }
                }
                for (Object item : list(container.get("env"))) {
                    Map<String, Object> ref = map(map(map(item).get("valueFrom")).get("configMapKeyRef"));
                    if (!ref.isEmpty()) {
                        assertThat(configMaps).as(name + " ConfigMap").containsKey((String) ref.get("name"));
                        assertThat(map(configMaps.get(ref.get("name")).get("data"))).as(name + " ConfigMap key")
                                .containsKey((String) ref.get("key"));
                    }
                }
            }
        });
    }

    @Test
    void overlaysNameOnlyWhatTheBaseHasAndPinEveryImage() {
        Map<String, Map<String, Object>> deployments = byKind("Deployment");
        Set<String> images = new TreeSet<>();
        deployments.values().forEach(d -> containers(d).forEach(c ->
                images.add(((String) c.get("image")).replaceFirst(":[^/:]+$", ""))));
        for (Path dir : kustomizationDirs()) {
            if (dir.equals(BASE)) {
                continue;
            }
            Map<String, Object> kustomization = map(loadAll(dir.resolve("kustomization.yaml")).get(0));
            assertThat(list(kustomization.get("resources"))).as(dir + " builds on the base").contains("../../base");
            for (Object replica : list(kustomization.get("replicas"))) {
                assertThat(deployments).as(dir + " replicas").containsKey((String) map(replica).get("name"));
            }
            Set<String> retagged = new TreeSet<>();
            for (Object item : list(kustomization.get("images"))) {
                Map<String, Object> image = map(item);
                retagged.add((String) image.get("name"));
                assertThat(images).as(dir + " image").contains((String) image.get("name"));
                assertThat(String.valueOf(image.get("newTag"))).as(dir + " " + image.get("name") + " newTag")
                        .isNotBlank().isNotEqualTo("latest").isNotEqualTo("null");
            }
            if (!retagged.isEmpty()) {
                assertThat(retagged).as(dir + ": an overlay that sets images sets every one").isEqualTo(images);
            }
        }
    }

    // --- reading ---------------------------------------------------------------------------------------

    private static List<Path> kustomizationDirs() {
        List<Path> dirs = new ArrayList<>(List.of(BASE));
        try (Stream<Path> overlays = Files.list(OVERLAYS)) {
            overlays.filter(Files::isDirectory).sorted().forEach(dirs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dirs.forEach(dir -> assertThat(dir.resolve("kustomization.yaml")).exists());
        return dirs;
    }

    private static Set<String> yamlFilesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") || f.endsWith(".yml"))
                    .filter(f -> !f.equals("kustomization.yaml"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** every document of the base, from the files its kustomization lists */
    private static List<Map<String, Object>> baseDocuments() {
        List<Map<String, Object>> docs = new ArrayList<>();
        Map<String, Object> kustomization = map(loadAll(BASE.resolve("kustomization.yaml")).get(0));
        for (Object resource : list(kustomization.get("resources"))) {
            for (Object doc : loadAll(BASE.resolve((String) resource))) {
                docs.add(map(doc));
            }
        }
        assertThat(docs).as("documents in deploy/k8s/base").isNotEmpty();
        return docs;
    }

    private static Map<String, Map<String, Object>> byKind(String kind) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        for (Map<String, Object> doc : baseDocuments()) {
            if (kind.equals(doc.get("kind"))) {
                String name = (String) map(doc.get("metadata")).get("name");
                assertThat(found.put(name, doc)).as("one " + kind + " named " + name).isNull();
            }
        }
        return found;
    }

    private static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return map(map(map(deployment.get("spec")).get("template")).get("spec"));
    }

    private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = new ArrayList<>();
        list(podSpec(deployment).get("containers")).forEach(c -> containers.add(map(c)));
        assertThat(containers).as(map(deployment.get("metadata")).get("name") + " containers").isNotEmpty();
        return containers;
    }

    private static Object probePath(Map<String, Object> container, String probe) {
        Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
        return httpGet.get("path");
    }

    private static List<Object> loadAll(Path file) {
        List<Object> docs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).forEach(doc -> {
                if (doc != null) {
                    docs.add(doc);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** a module whose pom turns its image on (saferkent.image.skip false: the profile "images" builds it) */
    private static boolean declaresAnImage(Path pom) {
        try {
            return Files.exists(pom) && Files.readString(pom).contains("<saferkent.image.skip>false</saferkent.image.skip>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
