// Preloaded (`node -r`) into the stock automerge-repo sync server, which
// listens on every interface: forces it onto 127.0.0.1 and prints the port
// the system picked, so tests never expose it and never clash.
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function patchedListen(...args) {
  this.once('listening', () => {
    console.log(`TALLY_LISTENING ${this.address().port}`);
  });
  if (typeof args[0] === 'number' || typeof args[0] === 'string') {
    const [port, ...rest] = args;
    const callback = rest.find((arg) => typeof arg === 'function');
    return listen.call(this, Number(port), '127.0.0.1', callback);
  }
  if (args[0] && typeof args[0] === 'object') {
    return listen.call(this, { ...args[0], host: '127.0.0.1' }, ...args.slice(1));
  }
  return listen.apply(this, args);
};
