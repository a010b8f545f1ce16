package dev.digits.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library example in README.md compiles and prints what the README says it prints. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExampleRuns() throws Exception {
        List<String> block = javaBlockAfter(Files.readString(Path.of("README.md")), "## Library API");
        String imports = block.stream().filter(l -> l.startsWith("import ")).collect(Collectors.joining("\n"));
        String body = block.stream().filter(l -> !l.startsWith("import ")).collect(Collectors.joining("\n"));
        Path source = dir.resolve("ReadmeExample.java");
        Files.writeString(
                source,
                imports + "\npublic class ReadmeExample {\n public static void main(String[] args) throws Exception {\n"
                        + body + "\n }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(
                null,
                null,
                diagnostics,
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                dir.toString(),
                source.toString());
        assertEquals(0, status, "the README example compiles: " + diagnostics.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass("ReadmeExample").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("8 (100.0%)", lines.get(0), "as the comment in the README says");
        assertEquals("873420", lines.get(1));
        assertEquals(2 + 6, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).endsWith("-> 8"), lines.get(2));
    }

    private static List<String> javaBlockAfter(String markdown, String heading) {
        String section = markdown.substring(markdown.indexOf(heading));
        int start = section.indexOf("```java\n") + "```java\n".length();
        int end = section.indexOf("```", start);
        return section.substring(start, end).lines().toList();
    }
}
