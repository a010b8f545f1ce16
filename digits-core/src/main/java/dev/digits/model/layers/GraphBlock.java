package dev.digits.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * DJL's block for a {@link LayerSpec.GraphSpec}: each layer node is a child block (in node order, so the parameters
 * come in node order), merges are computed in between; the output is the last node's.
 */
final class GraphBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final List<GraphNode> nodes;
    private final List<Block> blocks = new ArrayList<>(); // per node; null for a merge

    GraphBlock(List<GraphNode> nodes) {
        super(VERSION);
        this.nodes = nodes;
        for (int i = 0; i < nodes.size(); i++) {
            GraphNode node = nodes.get(i);
            if (node.merge() != null) {
                blocks.add(null);
                continue;
            }
            SequentialBlock chain = new SequentialBlock();
            node.layers().forEach(layer -> chain.add(layer.block()));
            blocks.add(addChildBlock("node" + i, chain));
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        List<NDArray> outputs = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            List<NDArray> in = new ArrayList<>();
            for (int index : nodes.get(i).inputs()) {
                in.add(index == GraphNode.INPUT ? input : outputs.get(index));
            }
            outputs.add(
                    blocks.get(i) == null
                            ? nodes.get(i).merge().apply(in)
                            : blocks.get(i)
                                    .forward(store, new NDList(in.get(0)), training, params)
                                    .singletonOrThrow());
        }
        return new NDList(outputs.get(outputs.size() - 1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        shapes(inputShapes[0], manager, dataType);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        List<Shape> shapes = shapes(inputShapes[0], null, null);
        return new Shape[] {shapes.get(shapes.size() - 1)};
    }

    /** The output shape of every node; initialises the child blocks on the way when {@code manager} is given. */
    private List<Shape> shapes(Shape input, NDManager manager, DataType dataType) {
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            List<Shape> in = new ArrayList<>();
            for (int index : nodes.get(i).inputs()) {
                in.add(index == GraphNode.INPUT ? input : shapes.get(index));
            }
            Block block = blocks.get(i);
            if (block == null) {
                shapes.add(nodes.get(i).merge().outputShape(in));
                continue;
            }
            if (manager != null) {
                block.initialize(manager, dataType, in.get(0));
            }
            shapes.add(block.getOutputShapes(new Shape[] {in.get(0)})[0]);
        }
        return shapes;
    }
}
