import PDFDocument from 'pdfkit';
import fs from 'node:fs';
const out = '/tmp/trial18b/';
function make(file, heading, paras, head, perPage, footFmt) {
  const doc = new PDFDocument({ size: 'LETTER', margins: { top: 90, bottom: 90, left: 72, right: 72 }, autoFirstPage: false });
  doc.pipe(fs.createWriteStream(out + file));
  const pages = Math.ceil(paras.length / perPage);
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    doc.font('Times-Italic').fontSize(10).text(head, 72, 40, { width: 468, align: 'center' });
    doc.page.margins.bottom = 0; doc.font('Times-Roman').fontSize(10).text(footFmt(p + 1, pages), 72, 740, { width: 468, align: 'center', lineBreak: false }); doc.page.margins.bottom = 90;
    doc.x = 72; doc.y = 100;
    if (p === 0 && heading) { doc.font('Helvetica-Bold').fontSize(22).text(heading, 72, 100); doc.moveDown(1); }
    for (const t of paras.slice(p * perPage, (p + 1) * perPage)) { doc.font('Times-Roman').fontSize(12).text(t, { align: 'left' }); doc.moveDown(0.8); }
  }
  doc.end();
}
const en = [
 'The inspection team visited the northern embankment on the morning of 14 March and found the retaining wall intact along most of its length.',
 'Water had pooled behind the culvert at the eastern end, where the drainage channel was blocked by silt and fallen branches from the storm.',
 'Contractors working on the bridge approach reported that concrete deliveries were delayed by nine days because the access road had flooded.',
 'The site engineer estimated that repairs to the channel would cost between 4,000 and 6,500 pounds, depending on the depth of the silt.',
 'Two survey markers near the pumping station were missing, and the team recommends that they be replaced before the next quarterly survey.',
 'Residents of the village raised concerns about noise from the night shift, which the contractor agreed to end at ten o\'clock each evening.',
 'The culvert grating showed corrosion on its lower bars, and a temporary barrier was placed across the outlet to keep children away.',
 'Measurements taken at the gauge post showed the river level fell by thirty centimetres over the three days of the visit.',
 'The old sluice gate could not be opened by hand; its gearing is seized and will need to be removed and reconditioned in the workshop.',
 'Our overall assessment is that the embankment is sound, but the drainage works must be completed before the autumn rains begin.',
];
make('field-report.pdf', 'Northern Embankment Inspection', en, 'Ministry of Works — Field Report', 2, (n, m) => `Page ${n} of ${m}`);
const fr = [
 'Le comité s\'est réuni à Lyon où les délégués ont examiné le rapport très détaillé sur la situation des écoles rurales.',
 'Il a été décidé à l\'unanimité que les crédits seraient répartis entre les communes les plus éloignées, là où les besoins sont très grands.',
 'Les représentants ont également noté que la rentrée scolaire s\'était déroulée sans difficulté majeure, malgré un manque d\'enseignants.',
];
make('rapport-fr.pdf', 'Rapport sur les écoles rurales', fr, 'Ministère de l\'Éducation — Rapport', 3, (n, m) => `Page ${n} sur ${m}`);
// single page for PNG
make('single.pdf', 'Flood Damage Summary', en.slice(0, 3), 'Ministry of Works — Field Report', 3, (n, m) => `Page ${n} of ${m}`);
