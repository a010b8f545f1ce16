package dev.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every platform the build's profiles name (and the default, Linux x86-64) has both halves of the
 * engine: the JNI bridge inside DJL's pytorch-jni jar, and PyTorch's native library published for
 * that classifier.
 */
class PlatformProfilesTest {
    private static final Map<String, String> CLASSIFIERS = new LinkedHashMap<>();
    private static String pytorchVersion;

    @BeforeAll
    static void readThePom() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        Element parent =
                factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile()).getDocumentElement();
        pytorchVersion = text(parent, "pytorch.version");
        Element project = factory.newDocumentBuilder()
                .parse(Path.of("digits-core/pom.xml").toFile())
                .getDocumentElement();
        Element properties =
                (Element) project.getElementsByTagName("properties").item(0);
        CLASSIFIERS.put("default", text(properties, "pytorch.native.classifier"));
        NodeList profiles = project.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            String classifier = text(profile, "pytorch.native.classifier");
            if (classifier != null) {
                CLASSIFIERS.put(text(profile, "id"), classifier);
            }
        }
    }

    private static String text(Element element, String tag) {
        NodeList found = element.getElementsByTagName(tag);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
    }

    @Test
    void theProfilesCoverLinuxMacOnArmAndWindows() {
        assertEquals(
                Map.of(
                        "default",
                        "linux-x86_64",
                        "linux-aarch64",
                        "linux-aarch64",
                        "osx-aarch64",
                        "osx-aarch64",
                        "win-x86_64",
                        "win-x86_64"),
                CLASSIFIERS);
    }

    @Test
    void djlCarriesTheJniBridgeForEveryPlatform() {
        for (String classifier : CLASSIFIERS.values()) {
            String library = classifier.startsWith("win")
                    ? "djl_torch.dll"
                    : classifier.startsWith("osx") ? "libdjl_torch.dylib" : "libdjl_torch.so";
            assertNotNull(
                    getClass().getResource("/jnilib/" + classifier + "/cpu/" + library),
                    "pytorch-jni holds the bridge for " + classifier);
        }
    }

    @Test
    void pytorchPublishesANativeLibraryForEveryPlatform() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        for (String classifier : CLASSIFIERS.values()) {
            URI jar = URI.create("https://repo.maven.apache.org/maven2/ai/djl/pytorch/pytorch-native-cpu/"
                    + pytorchVersion + "/pytorch-native-cpu-" + pytorchVersion + "-" + classifier + ".jar");
            int status;
            try {
                status = http.send(
                                HttpRequest.newBuilder(jar)
                                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                        .timeout(Duration.ofSeconds(20))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException unreachable) {
                assumeTrue(false, "Maven Central is unreachable from here (" + unreachable + "); the check needs it");
                return;
            }
            assertEquals(200, status, jar + " exists");
        }
        assertTrue(CLASSIFIERS.size() >= 4);
    }
}
