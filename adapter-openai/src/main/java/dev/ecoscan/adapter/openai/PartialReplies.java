package dev.ecoscan.adapter.openai;

/** Receives a reply's text as the model writes it, one reply (one attempt) after another. */
interface PartialReplies {

    /** Nobody reads replies before they are complete: the call is not streamed. */
    PartialReplies NONE = new PartialReplies() {
        @Override
        public void startReply() {}

        @Override
        public void text(String piece) {}
    };

    /** A new reply begins: an attempt, a retry, the next endpoint or a repair. */
    void startReply();

    /** The next piece of the current reply's raw text. */
    void text(String piece);
}
