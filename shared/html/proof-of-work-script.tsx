/**
 * The one script a page may run (`GET /proof-of-work.js`): it solves the challenge a busy network's form carries
 * (ALTCHA v2, SHA-256: the counter whose hash of salt, nonce and counter starts with the key prefix) with the
 * browser's own Web Crypto, puts the answer in the form's hidden field, and says so in the status line. Nothing to
 * look at or to click: a person only waits a second.
 */
export const PROOF_OF_WORK_SCRIPT = `(() => {
  const status = document.getElementById('proof-status');
  const field = document.getElementById('proof');
  if (!status || !field) return;
  const challenge = JSON.parse(status.dataset.challenge);
  const p = challenge.parameters;
  const bytes = (hex) => Uint8Array.from(hex.match(/../g).map((b) => parseInt(b, 16)));
  const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
  const salt = bytes(p.salt);
  const nonce = bytes(p.nonce);
  const data = new Uint8Array(salt.length + nonce.length + 4);
  data.set(salt, 0);
  data.set(nonce, salt.length);
  const view = new DataView(data.buffer);
  const prefix = p.keyPrefix.toLowerCase();
  const keyLength = p.keyLength || 32;
  const solve = async () => {
    for (let counter = 0; counter <= 0xffffffff; counter++) {
      view.setUint32(salt.length + nonce.length, counter, false);
      let key = await crypto.subtle.digest('SHA-256', data);
      for (let i = 1; i < p.cost; i++) key = await crypto.subtle.digest('SHA-256', key);
      const derivedKey = hex(key).slice(0, keyLength * 2);
      if (derivedKey.startsWith(prefix)) return { counter, derivedKey };
    }
  };
  solve().then((solution) => {
    field.value = btoa(JSON.stringify({ challenge, solution }));
    status.textContent = status.dataset.done;
  });
})();
`;
