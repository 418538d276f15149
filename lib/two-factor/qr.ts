import QRCode from "qrcode";

/**
 * The QR code of an otpauth:// address as an SVG data URL, drawn on the server: the page's CSP allows
 * `img-src data:` but no script to draw it in the browser, and an SVG shown through <img> runs nothing.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
