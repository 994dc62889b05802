// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where each of many literals first occurs in a text, in one pass (an Aho-Corasick
 * automaton turned into a table: one lookup per character, whatever the number of literals).
 * The characters of the literals are numbered; any other character sends the scan back to the
 * start. Immutable after construction; one instance serves all threads.
 */
final class LiteralScan {
    private final List<String> literals;
    private final char[] classOf;
    private final int alphabet;
    private final int[] next;
    private final int[][] output;

    /** @param literals distinct, non-empty; their index is their id */
    LiteralScan(List<String> literals) {
        this.literals = List.copyOf(literals);
        this.classOf = new char[literals.stream().flatMapToInt(String::chars).max().orElse(0) + 1];
        int classes = 1;
        for (String l : literals) {
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (classOf[c] == 0) {
                    classOf[c] = (char) classes++;
                }
            }
        }
        this.alphabet = classes;
        List<int[]> trie = new ArrayList<>();
        trie.add(new int[alphabet]);
        List<List<Integer>> ends = new ArrayList<>();
        ends.add(new ArrayList<>());
        for (int id = 0; id < literals.size(); id++) {
            int node = 0;
            for (char c : literals.get(id).toCharArray()) {
                int[] row = trie.get(node);
                if (row[classOf[c]] == 0) {
                    row[classOf[c]] = trie.size();
                    trie.add(new int[alphabet]);
                    ends.add(new ArrayList<>());
                }
                node = row[classOf[c]];
            }
            ends.get(node).add(id);
        }
        this.next = new int[trie.size() * alphabet];
        this.output = new int[trie.size()][];
        link(trie, ends);
    }

    /** Breadth first: each node's missing moves become its fallback's, its outputs include the fallback's. */
    private void link(List<int[]> trie, List<List<Integer>> ends) {
        int[] fallback = new int[trie.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            int[] row = trie.get(node);
            List<Integer> out = new ArrayList<>(ends.get(node));
            if (node != 0) {
                out.addAll(Arrays.stream(output[fallback[node]]).boxed().toList());
            }
            output[node] = out.stream().mapToInt(Integer::intValue).toArray();
            for (int c = 1; c < alphabet; c++) {
                int child = row[c];
                int viaFallback = node == 0 ? 0 : next[fallback[node] * alphabet + c];
                if (child == 0) {
                    next[node * alphabet + c] = viaFallback;
                } else {
                    next[node * alphabet + c] = child;
                    fallback[child] = viaFallback;
                    queue.add(child);
                }
            }
        }
    }

    /** For each literal id, the index of its first occurrence in {@code text}, or -1. */
    int[] firstOccurrences(String text) {
        int[] first = new int[literals.size()];
        Arrays.fill(first, -1);
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            state = next[state * alphabet + (c < classOf.length ? classOf[c] : 0)];
            for (int id : output[state]) {
                if (first[id] < 0) {
                    first[id] = i + 1 - literals.get(id).length();
                }
            }
        }
        return first;
    }

    String literal(int id) {
        return literals.get(id);
    }
}
