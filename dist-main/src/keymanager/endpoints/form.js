import { InvalidRequestError } from '../errors.js';
// application/x-www-form-urlencoded, parsed strictly where Node is lenient
// (docs/requirements.md §0.9): a bad %-escape or invalid UTF-8 is an error, not U+FFFD;
// duplicates are kept so callers can refuse them (R6); an empty value counts as absent (R4).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const HEX = /^[0-9A-Fa-f]{2}$/;
/** Decodes one form component: '+' is a space, %XX a byte, the bytes UTF-8. */
export function formDecode(component) {
    if (!component.includes('%') && !component.includes('+'))
        return component;
    const bytes = [];
    for (let i = 0; i < component.length; i++) {
        const ch = component.charCodeAt(i);
        if (ch === 0x25 /* % */) {
            const hex = component.slice(i + 1, i + 3);
            if (!HEX.test(hex))
                throw new InvalidRequestError('The request body has a malformed percent-escape.');
            bytes.push(parseInt(hex, 16));
            i += 2;
        }
        else if (ch === 0x2b /* + */) {
            bytes.push(0x20);
        }
        else if (ch < 0x80) {
            bytes.push(ch);
        }
        else {
            bytes.push(...Buffer.from(component[i], 'utf8'));
        }
    }
    try {
        return utf8.decode(Uint8Array.from(bytes));
    }
    catch {
        throw new InvalidRequestError('The request body is not valid UTF-8.');
    }
}
export class FormParams {
    values;
    constructor(values) {
        this.values = values;
    }
    static parse(body) {
        const values = new Map();
        for (const pair of body.split('&')) {
            if (pair === '')
                continue;
            const eq = pair.indexOf('=');
            const name = formDecode(eq < 0 ? pair : pair.slice(0, eq));
            const value = eq < 0 ? '' : formDecode(pair.slice(eq + 1));
            const list = values.get(name);
            if (list)
                list.push(value);
            else
                values.set(name, [value]);
        }
        return new FormParams(values);
    }
    /** A recognised parameter: absent or empty → undefined; present twice → invalid_request (R4, R6). */
    get(name) {
        const list = this.values.get(name)?.filter((v) => v !== '');
        if (!list || list.length === 0)
            return undefined;
        if (list.length > 1)
            throw new InvalidRequestError(`The '${name}' parameter is included more than once.`);
        return list[0];
    }
    require(name) {
        const v = this.get(name);
        if (v === undefined)
            throw new InvalidRequestError(`The '${name}' parameter is required.`);
        return v;
    }
    has(name) {
        return this.get(name) !== undefined;
    }
}
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
/** RFC 6749 §3.2/§4.3.2: the body must be form-encoded UTF-8; query parameters are never read (R3). */
export function parseFormBody(contentType, body) {
    if (!contentType || !FORM_TYPE.test(contentType.trim())) {
        throw new InvalidRequestError('The request body must be application/x-www-form-urlencoded (UTF-8).');
    }
    if (!Buffer.isBuffer(body))
        return FormParams.parse('');
    let text;
    try {
        text = utf8.decode(body);
    }
    catch {
        throw new InvalidRequestError('The request body is not valid UTF-8.');
    }
    return FormParams.parse(text);
}
//# sourceMappingURL=form.js.map