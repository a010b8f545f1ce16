package dev.digits.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The PyTorch engine, started once per process with NNPACK switched off.
 *
 * <p>libtorch asks NNPACK whether it can take a convolution that oneDNN declines (a 3x3 kernel over a
 * single small picture, as in every picture read alone). On some processors (AMD's family 1Ah, for one)
 * NNPACK cannot initialise, and libtorch prints "Could not initialize NNPACK! Reason: Unsupported
 * hardware" to stderr at every such convolution: three lines for each picture read alone, in every
 * command's output and for every request the server answers. Where NNPACK does initialise, it is still
 * never chosen for our convolutions on CPUs: it only takes batches of 16 or more, which oneDNN takes
 * first. So switching it off, as {@code torch.backends.nnpack.set_flags(False)} does in Python, changes
 * no result.
 *
 * <p>DJL does not expose that switch: it is a member function of libtorch's global context, called here
 * through JNA by its C++ name. Where that name cannot be found (a C++ ABI other than the Itanium one,
 * such as Windows'), the engine runs as it is, and only the warning remains.
 */
final class TorchEngine {
    private static final String CONTEXT = "_ZN2at13globalContextEv";
    private static final String SET_NNPACK = "_ZN2at7Context20setUserEnabledNNPACKEb";
    private static final String GET_NNPACK = "_ZNK2at7Context17userEnabledNNPACKEv";

    private TorchEngine() {}

    /** The engine, started; the first call switches NNPACK off. */
    static Engine get() {
        return Started.ENGINE;
    }

    /** Whether libtorch may choose NNPACK for a convolution; empty where the switch cannot be reached. */
    static Optional<Boolean> nnpackEnabled() {
        get();
        // A C++ bool comes back in the low byte of the return register; the bytes above it are undefined.
        return libtorch()
                .map(torch -> (torch.getFunction(GET_NNPACK).invokeInt(new Object[] {context(torch)}) & 0xFF) != 0);
    }

    private static final class Started {
        static final Engine ENGINE = start();

        private static Engine start() {
            Engine engine = Engine.getEngine(Classifier.ENGINE);
            libtorch()
                    .ifPresent(torch -> torch.getFunction(SET_NNPACK).invokeVoid(new Object[] {context(torch), false}));
            return engine;
        }
    }

    private static Pointer context(NativeLibrary torch) {
        return torch.getFunction(CONTEXT).invokePointer(new Object[0]);
    }

    /** The engine's loaded {@code torch_cpu} library, where it has the three functions above under these names. */
    private static Optional<NativeLibrary> libtorch() {
        try {
            Path library = Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName("torch_cpu"));
            NativeLibrary torch = NativeLibrary.getInstance(library.toString());
            for (String symbol : new String[] {CONTEXT, SET_NNPACK, GET_NNPACK}) {
                torch.getFunction(symbol);
            }
            return Optional.of(torch);
        } catch (LinkageError | RuntimeException unreachable) {
            return Optional.empty();
        }
    }
}
