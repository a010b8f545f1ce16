package dev.digits;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The build's licence check: every jar on the test classpath (the runtime dependencies and the test
 * tools) declares, in its POM or a parent's, a licence that allows shipping it beside Apache-2.0 code.
 * An artifact offered under a permissive licence passes (where it is dual-licensed, that is the one
 * this project takes); any other (GPL, AGPL, LGPL, none declared) fails the build unless it is listed
 * in {@link #REVIEWED} with the reason it is acceptable. Strong copyleft (GPL, AGPL) never is.
 */
class DependencyLicencesTest {
    private static final Pattern PERMISSIVE = Pattern.compile(
            "(?i)apache|\\bmit\\b|\\bbsd\\b|eclipse public|\\bepl\\b|edl|eclipse distribution|classpath exception|w/ ?cpe|\\bisc\\b|public domain|cc0|unlicense|bouncy castle|go license");

    /** groupId:artifactId reviewed by hand: why it may ship with an Apache-2.0 project. */
    private static final Map<String, String> REVIEWED = Map.of(
            "de.erichseifert.vectorgraphics2d:VectorGraphics2D",
            "LGPL: XChart's vector export, shipped unmodified as its own jar, which the LGPL allows",
            "io.javalin:javalin",
            "Apache-2.0 (declared in javalin-parent, which the local repository does not hold)",
            "com.deque.html.axe-core:selenium",
            "MPL-2.0, tests only: axe-core's script checks the page in the browser tests and never ships");

    @Test
    void everyDependencyHasALicenceCompatibleWithApache2() throws Exception {
        List<Path> jars = classpathJars();
        assumeTrue(!jars.isEmpty(), "no jars from a Maven repository on the classpath");
        Map<String, List<String>> licences = new TreeMap<>();
        for (Path jar : jars) {
            Path pom = pomBeside(jar);
            String id = pom == null ? jar.getFileName().toString() : coordinates(read(pom));
            licences.put(id, pom == null ? List.of() : licences(pom, 0));
        }
        List<String> problems = new ArrayList<>();
        licences.forEach((id, names) -> {
            boolean permissive =
                    names.stream().anyMatch(name -> PERMISSIVE.matcher(name).find());
            if (!permissive && !REVIEWED.containsKey(id)) {
                problems.add(id + ": " + (names.isEmpty() ? "no licence declared" : String.join(", ", names)));
            }
        });
        assertTrue(
                problems.isEmpty(),
                "dependencies whose licence does not allow shipping them with Apache-2.0 code, "
                        + "or was not reviewed (see REVIEWED):\n  " + String.join("\n  ", problems));
        assertTrue(licences.size() > 20, "the check saw the project's dependencies: " + licences.keySet());
    }

    /** Jars from the local Maven repository: Surefire passes the test classpath in a property of its own. */
    private static List<Path> classpathJars() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(classpath.split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.toString().endsWith(".jar")
                        && p.toString().contains(File.separator + "repository" + File.separator))
                .toList();
    }

    /** The POM in the jar's directory of the local repository (a classified jar shares its artifact's POM). */
    private static Path pomBeside(Path jar) throws Exception {
        try (Stream<Path> files = Files.list(jar.getParent())) {
            return files.filter(f -> f.toString().endsWith(".pom")).findFirst().orElse(null);
        }
    }

    private static Document read(Path pom) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static String coordinates(Document pom) {
        Element project = pom.getDocumentElement();
        String group = text(project, "groupId");
        if (group == null) {
            group = text(child(project, "parent"), "groupId");
        }
        return group + ":" + text(project, "artifactId");
    }

    /** The licence names in {@code pom}, or inherited from its parent chain. */
    private static List<String> licences(Path pom, int depth) throws Exception {
        Element project = read(pom).getDocumentElement();
        List<String> names = new ArrayList<>();
        Element list = child(project, "licenses");
        if (list != null) {
            for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element licence && licence.getTagName().equals("license")) {
                    String name = text(licence, "name");
                    names.add(name != null ? name : String.valueOf(text(licence, "url")));
                }
            }
        }
        Element parent = child(project, "parent");
        if (!names.isEmpty() || parent == null || depth > 8) {
            return names;
        }
        // The repository root: up from <group dirs>/<artifact>/<version>/, as many levels as the group has parts.
        Path root = pom.getParent().getParent().getParent();
        for (int i = 0; i < coordinates(read(pom)).split(":")[0].split("\\.").length; i++) {
            root = root.getParent();
        }
        String group = text(parent, "groupId");
        String artifact = text(parent, "artifactId");
        String version = text(parent, "version");
        Path parentPom = root.resolve(group.replace('.', File.separatorChar))
                .resolve(artifact)
                .resolve(version)
                .resolve(artifact + "-" + version + ".pom");
        return Files.exists(parentPom) ? licences(parentPom, depth + 1) : names;
    }

    private static String text(Element element, String tag) {
        Element child = child(element, tag);
        return child == null ? null : child.getTextContent().strip();
    }

    private static Element child(Element element, String tag) {
        if (element == null) {
            return null;
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }
}
