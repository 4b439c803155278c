// Module worker that decodes one xz download as its pieces are handed in:
// the runtime's wasm, for the page (calculators.js), and the memory
// snapshot, for the engine's worker (calculator-worker.js).  Whoever starts
// it ends it once it has answered.  A worker of its own because the decoder
// keeps its memory (12.5 MiB for the wasm, 32.5 MiB for the snapshot: xz's
// dictionary and buffers) for as long as its module lives, and ending the
// worker is what gives it back; and so that decoding the snapshot never
// holds the engine.  It costs no time: a cold start was live at 1.456 s
// against 1.453 s with the decoding in the engine's worker, then 1.51
// against 1.61 s (two sets of 8 alternating pairs).
//
// Protocol: {type: "start", decoder: URL of the xz-decompress module}, then
// {type: "chunk", bytes} for each piece of the xz file in order, then
// {type: "end"} -> {type: "decoded", bytes} or {type: "decoded", error}.

let pieces = null;

self.addEventListener("message", ({ data }) => {
  if (data.type === "start") {
    const input = new ReadableStream({
      start(controller) {
        pieces = controller;
      },
    });
    import(data.decoder)
      .then(({ XzReadableStream }) => new Response(new XzReadableStream(input)).arrayBuffer())
      .then(
        (buffer) => self.postMessage({ type: "decoded", bytes: new Uint8Array(buffer) }, [buffer]),
        (error) => self.postMessage({ type: "decoded", error: String(error?.message || error) }),
      );
  } else if (data.type === "chunk") {
    pieces.enqueue(data.bytes);
  } else if (data.type === "end") {
    pieces.close();
  }
});
