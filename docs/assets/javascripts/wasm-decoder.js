// Module worker that decodes the runtime's wasm, downloaded as xz, while the
// page streams the download in; the page ends it once it has the bytes.
// Its own worker rather than the engine's because the decoder keeps its
// memory (12.5 MiB: xz's dictionary and buffers) for as long as its module
// lives, and ending the worker is what gives it back.  It costs no time: a
// cold start was live at 1.456 s against 1.453 s with the decoding in the
// engine's worker, then 1.51 against 1.61 s (two sets of 8 alternating pairs).
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
