package io.cluman.cli.node;

import io.cluman.cli.args.KeyValue;
import io.cluman.cli.Main;
import io.cluman.cli.output.Details;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.NodePatch;
import io.cluman.model.api.NodeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cluman node label ID k=v [k2=v2 ...] [--remove k]}: one PATCH of the labels; a removed label
 * is sent with an empty value.
 */
@Command(name = "label", mixinStandardHelpOptions = true, description = "Set or remove labels of a node.")
public final class NodeLabelCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Node id.")
    String id;

    // Strings, converted in patch(): picocli would report a bad value of a variable-arity positional
    // as an "unmatched argument" instead of saying what is wrong with it.
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "k=v", description = "Labels to set.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "k", split = ",", description = "Labels to remove (repeat or k1,k2).")
    List<String> remove = new ArrayList<>();

    @Override
    protected int run(ClumanClient client, Output output) {
        NodeView node = client.patchNode(id, patch());
        output.done("node " + node.id() + " labels: " + orNone(Details.pairs(node.labels())), node);
        return Main.OK;
    }

    NodePatch patch() {
        if (labels.isEmpty() && remove.isEmpty()) {
            throw usage("Give at least one k=v to set or --remove k");
        }
        List<KeyValue> pairs = new ArrayList<>();
        for (String text : labels) {
            try {
                pairs.add(KeyValue.parse(text));
            } catch (CommandLine.TypeConversionException e) {
                throw usage("Invalid value for positional parameter k=v: " + e.getMessage());
            }
        }
        Map<String, String> changes = KeyValue.toMap(pairs);
        for (String key : remove) {
            if (key.isBlank()) {
                throw usage("--remove needs a label key");
            }
            if (changes.containsKey(key.strip())) {
                throw usage("Label '" + key.strip() + "' is both set and removed");
            }
            changes.put(key.strip(), "");
        }
        return new NodePatch(changes);
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "(none)" : text;
    }
}
