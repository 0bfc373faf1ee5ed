package dev.ecoscan.adapter.openai;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code user_answer} string out of an answer reply while the reply is still arriving, so
 * the text a person reads can go out before the JSON is complete. It decodes the string's escapes
 * (a {@code \\uXXXX} split over two pieces included) and holds back a high surrogate until its pair
 * arrives. It only finds the text; whether the reply is usable is decided on the whole reply.
 */
final class AnswerTextExtractor {

    private static final Pattern FIELD_START = Pattern.compile("\"" + AnswerSchema.USER_ANSWER + "\"\\s*:\\s*\"");

    private final StringBuilder raw = new StringBuilder();
    /** Where decoding goes on in {@link #raw}; -1 while the field has not been seen. */
    private int position = -1;

    /** The closing quote was read, or the text cannot be read on. */
    private boolean finished;

    /** The decoded text that {@code piece} completes, possibly empty. */
    String append(String piece) {
        raw.append(piece);
        if (finished) {
            return "";
        }
        if (position < 0) {
            Matcher start = FIELD_START.matcher(raw);
            if (!start.find()) {
                return "";
            }
            position = start.end();
        }
        return decode();
    }

    private String decode() {
        StringBuilder text = new StringBuilder();
        // Where the last character decoded began in the raw reply.
        int lastStart = position;
        while (position < raw.length() && !finished) {
            char c = raw.charAt(position);
            int start = position;
            if (c == '"') {
                finished = true;
            } else if (c != '\\') {
                text.append(c);
                position++;
            } else if (position + 1 >= raw.length()) {
                break;
            } else if (raw.charAt(position + 1) != 'u') {
                text.append(unescaped(raw.charAt(position + 1)));
                position += 2;
            } else if (position + 6 > raw.length()) {
                break;
            } else {
                try {
                    text.append((char) Integer.parseInt(raw.substring(position + 2, position + 6), 16));
                    position += 6;
                } catch (NumberFormatException e) {
                    // Not JSON: the whole reply's reading will say so; nothing more is sent from it.
                    finished = true;
                }
            }
            if (position > start) {
                lastStart = start;
            }
        }
        // A high surrogate at the end waits for its low half, so no piece splits a character.
        if (!finished && !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
            text.setLength(text.length() - 1);
            position = lastStart;
        }
        return text.toString();
    }

    private static char unescaped(char escaped) {
        return switch (escaped) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            default -> escaped;
        };
    }
}
