<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../read/copy.py" line="26"/>
        <source>{device} (this drive: swap the discs after the read)</source>
        <translation>{device} (dieses Laufwerk: Medien nach dem Lesen tauschen)</translation>
    </message>
    <message>
        <location filename="../read/copy.py" line="37"/>
        <source>Copy to a Blank Disc</source>
        <translation>Auf einen Rohling kopieren</translation>
    </message>
    <message>
        <location filename="../read/copy.py" line="44"/>
        <source>Keep the image as {image}</source>
        <translation>Abbild als {image} behalten</translation>
    </message>
    <message>
        <location filename="../read/copy.py" line="46"/>
        <source>Keep the image (choose an image file)</source>
        <translation>Abbild behalten (Abbilddatei wählen)</translation>
    </message>
    <message>
        <location filename="../read/copy.py" line="51"/>
        <source>Choose the image file on the Read page first</source>
        <translation>Wählen Sie zuerst auf der Seite „Lesen“ die Abbilddatei</translation>
    </message>
    <message>
        <location filename="../read/copy.py" line="54"/>
        <source>Keep the image ({name} already exists)</source>
        <translation>Abbild behalten ({name} existiert bereits)</translation>
    </message>
    <message>
        <location filename="../read/copy.py" line="58"/>
        <source>The image file on the Read page already exists: choose a new name there to keep the copy&apos;s image</source>
        <translation>Die Abbilddatei auf der Seite „Lesen“ existiert bereits: Wählen Sie dort einen neuen Namen, um das Abbild der Kopie zu behalten</translation>
    </message>
    <message>
        <location filename="../read/copy.py" line="64"/>
        <source>Reads the disc in {source} to a temporary image, burns it onto the blank disc in the burner you choose and reads it back to verify. The temporary image is removed afterwards. If sectors cannot be read, nothing is burned.</source>
        <translation>Liest das Medium in {source} in ein temporäres Abbild, brennt es auf den Rohling im gewählten Brenner und liest es zur Überprüfung zurück. Das temporäre Abbild wird danach entfernt. Lassen sich Sektoren nicht lesen, wird nichts gebrannt.</translation>
    </message>
    <message>
        <location filename="../read/copy.py" line="73"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../read/copy.py" line="77"/>
        <source>Burn onto:</source>
        <translation>Brennen auf:</translation>
    </message>
    <message>
        <location filename="../read/copy.py" line="92"/>
        <source>Insert a Blank Disc</source>
        <translation>Rohling einlegen</translation>
    </message>
    <message>
        <location filename="../read/copy.py" line="94"/>
        <source>The disc has been read. Put a blank disc into {device}, close the tray, then press OK to burn the copy.</source>
        <translation>Das Medium wurde gelesen. Legen Sie einen Rohling in {device} ein, schließen Sie die Schublade und drücken Sie dann OK, um die Kopie zu brennen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="68"/>
        <source>Maximum</source>
        <translation>Maximal</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="77"/>
        <source>Automatic (ISO, or BIN/CUE for audio and multi-track CDs)</source>
        <translation>Automatisch (ISO, oder BIN/CUE für Audio- und Mehrspur-CDs)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="80"/>
        <source>ISO image</source>
        <translation>ISO-Abbild</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="81"/>
        <source>BIN/CUE (raw CD sectors)</source>
        <translation>BIN/CUE (rohe CD-Sektoren)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="87"/>
        <source>No optical drive found — connect one, or read from an image file instead.</source>
        <translation>Kein optisches Laufwerk gefunden – schließen Sie eines an oder lesen Sie stattdessen aus einer Abbilddatei.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="91"/>
        <source>Connect a CD, DVD or Blu-ray drive and press “Refresh”, or choose “From an image file” to read an image file instead.</source>
        <translation>Schließen Sie ein CD-, DVD- oder Blu-ray-Laufwerk an und drücken Sie „Aktualisieren“, oder wählen Sie „Aus einer Abbilddatei“, um stattdessen eine Abbilddatei zu lesen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="95"/>
        <source>Not checked yet — press “Check disc” to see what the drive holds.</source>
        <translation>Noch nicht geprüft – drücken Sie „Medium prüfen“, um zu sehen, was im Laufwerk liegt.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="98"/>
        <source>Reads every sector into the image file. Unreadable sectors are retried at a slow speed and recorded in a map file, so a later read can resume or retry just those.</source>
        <translation>Liest jeden Sektor in die Abbilddatei. Unlesbare Sektoren werden langsam erneut versucht und in einer Map-Datei festgehalten, sodass ein späterer Lesevorgang fortsetzen oder nur diese erneut versuchen kann.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="102"/>
        <source>Wait for the running job to end.</source>
        <translation>Warten Sie, bis der laufende Auftrag beendet ist.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="165"/>
        <source>From a drive</source>
        <translation>Von einem Laufwerk</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="167"/>
        <source>From an image file</source>
        <translation>Aus einer Abbilddatei</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="168"/>
        <source>Copy or convert an existing image file instead</source>
        <translation>Stattdessen eine vorhandene Abbilddatei kopieren oder umwandeln</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="175"/>
        <source>The optical drive to read</source>
        <translation>Das optische Laufwerk, von dem gelesen wird</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="176"/>
        <source>No optical drive</source>
        <translation>Kein Laufwerk</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="178"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="179"/>
        <location filename="../read/page.py" line="475"/>
        <source>Look for optical drives again</source>
        <translation>Erneut nach optischen Laufwerken suchen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="181"/>
        <location filename="../write/page.py" line="195"/>
        <source>Check disc</source>
        <translation>Medium prüfen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="189"/>
        <source>The image file to read, e.g. ~/disc.iso</source>
        <translation>Die zu lesende Abbilddatei, z. B. ~/disc.iso</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="96"/>
        <location filename="../read/page.py" line="191"/>
        <location filename="../read/page.py" line="242"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="206"/>
        <source>Read from</source>
        <translation>Lesen von</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="240"/>
        <source>Where the image goes, e.g. ~/disc.iso</source>
        <translation>Wohin das Abbild kommt, z. B. ~/disc.iso</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="245"/>
        <source>Image file:</source>
        <translation>Abbilddatei:</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="248"/>
        <location filename="../read/page.py" line="382"/>
        <source>Read disc to image</source>
        <translation>Medium als Abbild einlesen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="262"/>
        <location filename="../write/page.py" line="233"/>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="266"/>
        <source>Retries, skip-ahead, speed, map file, verify, format</source>
        <translation>Wiederholungen, Überspringen, Geschwindigkeit, Map-Datei, Überprüfen, Format</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="270"/>
        <source>Copy to a blank disc…</source>
        <translation>Auf einen Rohling kopieren…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="273"/>
        <source>Read to</source>
        <translation>Lesen nach</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="299"/>
        <source>Passes over the unreadable sectors, at a slow speed</source>
        <translation>Durchgänge über die unlesbaren Sektoren, mit niedriger Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="300"/>
        <source>Skip past runs of errors first (badly scratched discs)</source>
        <translation>Fehlerbereiche erst überspringen (zerkratzte Medien)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="306"/>
        <source>Next to the image (IMAGE.map)</source>
        <translation>Neben dem Abbild (ABBILD.map)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="307"/>
        <source>Resume from the map (or retry its unreadable sectors)</source>
        <translation>Mit Map-Datei fortsetzen (oder Unlesbares neu lesen)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="308"/>
        <source>Read the disc again and compare when done</source>
        <translation>Danach erneut lesen und vergleichen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="313"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="314"/>
        <source>Read speed:</source>
        <translation>Lesegeschwindigkeit:</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="315"/>
        <source>Retries:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="316"/>
        <source>Map file:</source>
        <translation>Map-Datei:</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="49"/>
        <location filename="../image/convert_view.py" line="171"/>
        <location filename="../image/repair_bar.py" line="53"/>
        <location filename="../panels/jobs_panel.py" line="101"/>
        <location filename="../read/page.py" line="322"/>
        <location filename="../write/page.py" line="249"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="50"/>
        <source>Cancel the running activity</source>
        <translation>Den laufenden Vorgang abbrechen</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="58"/>
        <location filename="../build/page.py" line="510"/>
        <source>{added} of {found} items found so far</source>
        <translation>{added} von bisher {found} gefundenen Elementen</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="130"/>
        <source>Open &amp;Folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="131"/>
        <source>&amp;Burn This Image…</source>
        <translation>Dieses Abbild &amp;brennen…</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="132"/>
        <source>Write to &amp;USB…</source>
        <translation>Auf &amp;USB schreiben…</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="139"/>
        <location filename="../build/activity.py" line="140"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="157"/>
        <source>&lt;b&gt;Image built:&lt;/b&gt; {name} ({size})</source>
        <translation>&lt;b&gt;Abbild erstellt:&lt;/b&gt; {name} ({size})</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="167"/>
        <source>Error-correction data: {ecc} (RS01, {percent} %): any run of up to {count} damaged sectors can be rebuilt; the MD5 is implanted (checkisomd5)</source>
        <translation>Fehlerkorrekturdaten: {ecc} (RS01, {percent} %): Jeder Bereich von bis zu {count} beschädigten Sektoren lässt sich wiederherstellen; die MD5-Summe ist eingebettet (checkisomd5)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="324"/>
        <location filename="../read/page.py" line="478"/>
        <source>Nothing is running</source>
        <translation>Es läuft nichts</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="326"/>
        <source>Compare disc with image</source>
        <translation>Medium mit Abbild vergleichen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="328"/>
        <location filename="../read/page.py" line="760"/>
        <source>Repair with error-correction data</source>
        <translation>Mit Fehlerkorrekturdaten reparieren</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="331"/>
        <source>Rebuild the unreadable sectors from the image&apos;s dvdisaster .ecc file</source>
        <translation>Die unlesbaren Sektoren aus der dvdisaster-.ecc-Datei des Abbilds wiederherstellen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="354"/>
        <source>read</source>
        <comment>sector map legend</comment>
        <translation>gelesen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="355"/>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="356"/>
        <source>failed, being split</source>
        <translation>fehlgeschlagen, wird aufgeteilt</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="357"/>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="364"/>
        <source>The result of the read shows here.</source>
        <translation>Hier erscheint das Ergebnis des Lesevorgangs.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="382"/>
        <source>Copy image file</source>
        <translation>Abbilddatei kopieren</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="51"/>
        <location filename="../read/page.py" line="404"/>
        <source>No optical drive found</source>
        <translation>Kein optisches Laufwerk gefunden</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="424"/>
        <location filename="../read/page.py" line="535"/>
        <source>Choose the image file to read first.</source>
        <translation>Wählen Sie zuerst die zu lesende Abbilddatei.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="426"/>
        <source>Choose where the image goes first.</source>
        <translation>Wählen Sie zuerst, wohin das Abbild kommt.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="440"/>
        <source>Copying is from a disc: choose “From a drive”.</source>
        <translation>Kopiert wird von einem Medium: Wählen Sie „Von einem Laufwerk“.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="452"/>
        <location filename="../read/page.py" line="699"/>
        <source>Choose an existing image file to compare the disc with.</source>
        <translation>Wählen Sie eine vorhandene Abbilddatei, mit der das Medium verglichen wird.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="459"/>
        <source>Look at the disc without reading it</source>
        <translation>Das Medium ansehen, ohne es zu lesen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="463"/>
        <source>Read the disc again and compare it with the image file</source>
        <translation>Das Medium erneut lesen und mit der Abbilddatei vergleichen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="468"/>
        <source>Read this disc and burn it onto a blank disc, then verify the copy</source>
        <translation>Dieses Medium lesen, auf einen Rohling brennen und dann die Kopie überprüfen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="478"/>
        <source>Stop the read</source>
        <translation>Lesevorgang anhalten</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="504"/>
        <source>No optical drive found — connect one, or read from an image file.</source>
        <translation>Kein optisches Laufwerk gefunden – schließen Sie eines an oder lesen Sie aus einer Abbilddatei.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="506"/>
        <source>Found {count} optical drive.</source>
        <translation>{count} optisches Laufwerk gefunden.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="508"/>
        <source>Found {count} optical drives.</source>
        <translation>{count} optische Laufwerke gefunden.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="517"/>
        <source>Read the image file</source>
        <translation>Abbilddatei lesen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="519"/>
        <location filename="../read/page.py" line="526"/>
        <source>Disc images (*.iso *.bin)</source>
        <translation>Abbilder (*.iso *.bin)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="526"/>
        <source>Save the image as</source>
        <translation>Abbild speichern unter</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="547"/>
        <source>Choose where the image goes.</source>
        <translation>Wählen Sie, wohin das Abbild kommt.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="573"/>
        <location filename="../write/page.py" line="460"/>
        <source>Checking the disc in {device}…</source>
        <translation>Medium in {device} wird geprüft…</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="142"/>
        <location filename="../read/page.py" line="596"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="92"/>
        <source>Build Image</source>
        <translation>Abbild erstellen</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="92"/>
        <source>ISO images (*.iso);;All files (*)</source>
        <translation>ISO-Abbilder (*.iso);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="118"/>
        <source>The image will not fit</source>
        <translation>Das Abbild passt nicht</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="120"/>
        <source>The image is about {over} larger than a {medium} holds. Build it anyway?</source>
        <translation>Das Abbild ist etwa {over} größer, als {medium} fasst. Trotzdem erstellen?</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="151"/>
        <source>Building {name}…</source>
        <translation>{name} wird erstellt…</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="159"/>
        <location filename="../image/repair_bar.py" line="116"/>
        <location filename="../panels/jobs_panel.py" line="201"/>
        <location filename="../read/page.py" line="606"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="164"/>
        <source>Building {name} — {phase}</source>
        <translation>{name} wird erstellt – {phase}</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="182"/>
        <location filename="../build/protect_option.py" line="40"/>
        <source>Adding error-correction data to {name}…</source>
        <translation>Fehlerkorrekturdaten werden zu {name} hinzugefügt…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="634"/>
        <source>Cannot make the folder for the temporary image, {folder}: {error}</source>
        <translation>Der Ordner für das temporäre Abbild, {folder}, kann nicht angelegt werden: {error}</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="659"/>
        <source>Copying the disc in {source} to {target}…</source>
        <translation>Medium in {source} wird nach {target} kopiert…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="676"/>
        <source>Copied and verified: the {medium} in {device}.</source>
        <translation>Kopiert und überprüft: {medium} in {device}.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="678"/>
        <source>Copied: the {medium} in {device}.</source>
        <translation>Kopiert: {medium} in {device}.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="681"/>
        <source>The image is kept as {image}.</source>
        <translation>Das Abbild bleibt als {image} erhalten.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="686"/>
        <source>The copy failed.</source>
        <translation>Das Kopieren ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="709"/>
        <source>Comparing {device} with {image}…</source>
        <translation>{device} wird mit {image} verglichen…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="724"/>
        <source>Repairing {image} with {ecc}…</source>
        <translation>{image} wird mit {ecc} repariert…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="726"/>
        <source>Repairing {image} with its own error-correction data…</source>
        <translation>{image} wird mit seinen eigenen Fehlerkorrekturdaten repariert…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="746"/>
        <source>Repair with {ecc}</source>
        <translation>Mit {ecc} reparieren</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="753"/>
        <source>Error-correction data found: “Repair with {ecc}” can rebuild them.</source>
        <translation>Fehlerkorrekturdaten gefunden: „Mit {ecc} reparieren“ kann sie wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="767"/>
        <source>The image carries its own error-correction data (dvdisaster RS02): “Repair with error-correction data” can rebuild them.</source>
        <translation>Das Abbild enthält eigene Fehlerkorrekturdaten (dvdisaster RS02): „Mit Fehlerkorrekturdaten reparieren“ kann sie wiederherstellen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../image/repair_bar.py" line="134"/>
        <location filename="../read/page.py" line="781"/>
        <source>Repaired: all %n damaged sectors were rebuilt.</source>
        <translation>
            <numerusform>Repariert: %n beschädigter Sektor wurde wiederhergestellt.</numerusform>
            <numerusform>Repariert: Alle %n beschädigten Sektoren wurden wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../read/page.py" line="783"/>
        <source>Repaired {repaired} sectors; %n could not be rebuilt.</source>
        <translation>
            <numerusform>{repaired} Sektoren repariert; %n ließ sich nicht wiederherstellen.</numerusform>
            <numerusform>{repaired} Sektoren repariert; %n ließen sich nicht wiederherstellen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../read/page.py" line="793"/>
        <source>The repair failed.</source>
        <translation>Die Reparatur ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="845"/>
        <source>Checked: {disc}.</source>
        <translation>Geprüft: {disc}.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="847"/>
        <source>The check failed.</source>
        <translation>Die Prüfung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="858"/>
        <source>The disc and the image are identical.</source>
        <translation>Medium und Abbild sind identisch.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="879"/>
        <source>Done: every sector was read.</source>
        <translation>Fertig: Jeder Sektor wurde gelesen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="881"/>
        <source>Done: {count} unreadable sector.</source>
        <translation>Fertig: {count} unlesbarer Sektor.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="883"/>
        <source>Done: {count} unreadable sectors.</source>
        <translation>Fertig: {count} unlesbare Sektoren.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="892"/>
        <source>Cancelled. Press “{start}” to go on where it stopped.</source>
        <translation>Abgebrochen. Drücken Sie „{start}“, um dort weiterzumachen, wo es aufgehört hat.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="897"/>
        <source>The read failed: {reason}</source>
        <translation>Lesen fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="899"/>
        <source>The rip failed.</source>
        <translation>Das Einlesen ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../read/sector_map.py" line="63"/>
        <source>Each square is a group of sectors: green read, grey not yet read, orange failed and still being split, red unreadable</source>
        <translation>Jedes Quadrat ist eine Gruppe von Sektoren: grün gelesen, grau noch nicht gelesen, orange fehlgeschlagen und wird noch aufgeteilt, rot unlesbar</translation>
    </message>
    <message>
        <location filename="../write/erase.py" line="13"/>
        <source>Erase the disc?</source>
        <translation>Medium löschen?</translation>
    </message>
    <message>
        <location filename="../write/erase.py" line="14"/>
        <source>CD-RW, DVD-RW, DVD+RW, BD-RE and DVD-RAM</source>
        <translation>CD-RW, DVD-RW, DVD+RW, BD-RE und DVD-RAM</translation>
    </message>
    <message>
        <location filename="../write/erase.py" line="24"/>
        <source>Erase the {medium} ({state}) in {device}? Everything on it is lost.</source>
        <translation>{medium} ({state}) in {device} löschen? Alles darauf geht verloren.</translation>
    </message>
    <message>
        <location filename="../write/erase.py" line="30"/>
        <source>A quick erase takes seconds to a minute and is enough to burn the disc again. A full erase overwrites (or formats) the whole disc: it can take an hour.</source>
        <translation>Schnelles Löschen dauert Sekunden bis eine Minute und genügt, um das Medium erneut zu brennen. Vollständiges Löschen überschreibt (oder formatiert) das ganze Medium: Das kann eine Stunde dauern.</translation>
    </message>
    <message>
        <location filename="../write/erase.py" line="35"/>
        <source>Quick Erase</source>
        <translation>Schnell löschen</translation>
    </message>
    <message>
        <location filename="../write/erase.py" line="38"/>
        <source>Full Erase</source>
        <translation>Vollständig löschen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="78"/>
        <source>Disc images ({patterns});;All files (*)</source>
        <translation>Abbilder ({patterns});;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="85"/>
        <source>Drive&apos;s choice</source>
        <translation>Wahl des Laufwerks</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="86"/>
        <source>Next disc</source>
        <translation>Nächstes Medium</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="87"/>
        <location filename="../write/targets.py" line="27"/>
        <source>No optical drive or USB stick found</source>
        <translation>Kein optisches Laufwerk und kein USB-Stick gefunden</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="90"/>
        <source>Connect a CD, DVD or Blu-ray drive to burn discs, or plug in a USB stick or SD card to write the image to it: it is listed here as soon as it is connected.</source>
        <translation>Schließen Sie ein CD-, DVD- oder Blu-ray-Laufwerk an, um Medien zu brennen, oder stecken Sie einen USB-Stick oder eine SD-Karte ein, um das Abbild darauf zu schreiben: Es erscheint hier, sobald es angeschlossen ist.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="94"/>
        <source>A job is running on this page: wait for it to end or cancel it.</source>
        <translation>Auf dieser Seite läuft ein Auftrag: Warten Sie, bis er endet, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="95"/>
        <source>Nothing is running.</source>
        <translation>Es läuft nichts.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="96"/>
        <source>No optical drive is chosen: connect one.</source>
        <translation>Kein optisches Laufwerk gewählt: Schließen Sie eines an.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="97"/>
        <source>Check the disc in the drive first (Check disc).</source>
        <translation>Prüfen Sie zuerst das Medium im Laufwerk („Medium prüfen“).</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="98"/>
        <source>The speeds are listed once the disc in the drive is checked.</source>
        <translation>Die Geschwindigkeiten erscheinen, sobald das Medium im Laufwerk geprüft ist.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="101"/>
        <source>Check a disc first: whether a test write is possible depends on the disc and the drive.</source>
        <translation>Prüfen Sie zuerst ein Medium: Ob ein Testschreiben möglich ist, hängt von Medium und Laufwerk ab.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="122"/>
        <source>Simulated and verified: {medium} in {device}.</source>
        <translation>Simuliert und überprüft: {medium} in {device}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="124"/>
        <source>Simulated: {medium} in {device}.</source>
        <translation>Simuliert: {medium} in {device}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="127"/>
        <source>Burned and verified: {medium} in {device}.</source>
        <translation>Gebrannt und überprüft: {medium} in {device}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="129"/>
        <source>Burned: {medium} in {device}.</source>
        <translation>Gebrannt: {medium} in {device}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="191"/>
        <source>Drop an .iso here or choose one</source>
        <translation>Ziehen Sie eine .iso hierher oder wählen Sie eine</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="198"/>
        <source>No disc checked yet.</source>
        <translation>Noch kein Medium geprüft.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="204"/>
        <source>Burn the data track anyway (the rest is not kept)</source>
        <translation>Datenspur trotzdem brennen (der Rest bleibt nicht erhalten)</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="212"/>
        <source>Simulate (laser off)</source>
        <translation>Simulieren (Laser aus)</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="214"/>
        <source>Verify the disc after burning</source>
        <translation>Medium nach dem Brennen überprüfen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="216"/>
        <source>Eject when done</source>
        <translation>Danach auswerfen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="222"/>
        <source>Also offer fixed (built-in) disks</source>
        <translation>Auch feste (eingebaute) Datenträger anbieten</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="226"/>
        <source>Everything on the disk you choose is erased; the disk this system runs from is never offered.</source>
        <translation>Alles auf dem gewählten Datenträger wird gelöscht; der Datenträger, von dem dieses System läuft, wird nie angeboten.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="243"/>
        <source>Burn</source>
        <translation>Brennen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="244"/>
        <location filename="../write/page.py" line="547"/>
        <source>Choose an image to burn first.</source>
        <translation>Wählen Sie zuerst ein Abbild zum Brennen.</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="152"/>
        <location filename="../write/page.py" line="246"/>
        <source>Write to USB…</source>
        <translation>Auf USB schreiben…</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="247"/>
        <location filename="../write/page.py" line="765"/>
        <source>Plug in a USB stick or SD card.</source>
        <translation>Stecken Sie einen USB-Stick oder eine SD-Karte ein.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="252"/>
        <source>Erase Disc…</source>
        <translation>Medium löschen…</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="325"/>
        <location filename="../write/page.py" line="275"/>
        <source>Disc</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="278"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="278"/>
        <source>Copies</source>
        <translation>Kopien</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="287"/>
        <location filename="../write/usb.py" line="118"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="156"/>
        <location filename="../write/page.py" line="297"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="54"/>
        <location filename="../write/page.py" line="306"/>
        <source>Image</source>
        <translation>Abbild</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="307"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="416"/>
        <source>Read the disc again</source>
        <translation>Das Medium erneut lesen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="428"/>
        <source>Choose an image to burn</source>
        <translation>Abbild zum Brennen wählen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="456"/>
        <source>No drive.</source>
        <translation>Kein Laufwerk.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="459"/>
        <source>The disc is being checked.</source>
        <translation>Das Medium wird geprüft.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="486"/>
        <source>The disc check failed.</source>
        <translation>Die Prüfung des Mediums ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="495"/>
        <source>{medium}, {state}: {free} writable</source>
        <translation>{medium}, {state}: {free} beschreibbar</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="509"/>
        <source>The drive offers no speed choice for this {medium}: it picks one itself.</source>
        <translation>Das Laufwerk bietet für dieses {medium} keine Geschwindigkeitsauswahl: Es wählt selbst eine.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="512"/>
        <source>The speed to burn at</source>
        <translation>Die Brenngeschwindigkeit</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="526"/>
        <source>A USB stick is the target.</source>
        <translation>Ziel ist ein USB-Stick.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="532"/>
        <source>Burn the image onto the disc</source>
        <translation>Das Abbild auf das Medium brennen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="546"/>
        <location filename="../write/page.py" line="772"/>
        <source>Choose an image.</source>
        <translation>Wählen Sie ein Abbild.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="556"/>
        <source>Burns data track {track} only; not kept: {losses}.</source>
        <translation>Brennt nur Datenspur {track}; nicht erhalten bleibt: {losses}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="561"/>
        <source>Image: {size}.</source>
        <translation>Abbild: {size}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="572"/>
        <source>The image ({size}) fits: {free} will stay free.</source>
        <translation>Das Abbild ({size}) passt: {free} bleiben frei.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="579"/>
        <source>Tick “Burn the data track anyway” first: the rest of this image is not kept.</source>
        <translation>Kreuzen Sie zuerst „Datenspur trotzdem brennen“ an: Der Rest dieses Abbilds bleibt nicht erhalten.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="650"/>
        <source>Stop burning?</source>
        <translation>Brennen abbrechen?</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="653"/>
        <source>A write-once disc that was partly written cannot be used again: it is lost.</source>
        <translation>Ein einmal beschreibbares Medium, das teilweise beschrieben wurde, ist nicht mehr verwendbar: Es ist verloren.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="657"/>
        <source>Cancel burning</source>
        <translation>Brennen abbrechen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="676"/>
        <source>drive buffer {percent}%</source>
        <translation>Laufwerkspuffer {percent} %</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="683"/>
        <source>Stop the running job</source>
        <translation>Den laufenden Auftrag anhalten</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="22"/>
        <location filename="../write/page.py" line="685"/>
        <source>Preparing</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="618"/>
        <location filename="../write/page.py" line="714"/>
        <source>The burn failed.</source>
        <translation>Das Brennen ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="719"/>
        <source>The burn failed: {reason}</source>
        <translation>Brennen fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="732"/>
        <source>the drive</source>
        <translation>das Laufwerk</translation>
    </message>
    <message numerus="yes">
        <location filename="../write/page.py" line="737"/>
        <source>Insert the next blank disc into {drive} (%n more to burn), then press OK.</source>
        <translation>
            <numerusform>Legen Sie den nächsten Rohling in {drive} ein (noch %n zu brennen) und drücken Sie dann OK.</numerusform>
            <numerusform>Legen Sie den nächsten Rohling in {drive} ein (noch %n zu brennen) und drücken Sie dann OK.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../write/page.py" line="773"/>
        <source>Choose an image to write first.</source>
        <translation>Wählen Sie zuerst ein Abbild zum Schreiben.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="793"/>
        <source>Erase {disk} and write the image to it (asks first)</source>
        <translation>{disk} löschen und das Abbild darauf schreiben (fragt vorher)</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="817"/>
        <source>Nothing was written.</source>
        <translation>Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="851"/>
        <source>Stop writing</source>
        <translation>Schreiben abbrechen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="853"/>
        <source>Stop writing to the stick? It will be incomplete and will not work until an image is written to it again.</source>
        <translation>Schreiben auf den Stick abbrechen? Er bleibt unvollständig und funktioniert erst wieder, wenn erneut ein Abbild darauf geschrieben wird.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="889"/>
        <source>Only rewritable discs ({erasable}) can be erased.</source>
        <translation>Nur wiederbeschreibbare Medien ({erasable}) lassen sich löschen.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="894"/>
        <source>The {medium} cannot be erased: only {erasable} discs can.</source>
        <translation>{medium} lässt sich nicht löschen: Das geht nur mit {erasable}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="899"/>
        <source>Erase the rewritable disc (asks first)</source>
        <translation>Das wiederbeschreibbare Medium löschen (fragt vorher)</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="927"/>
        <source>Erased fully: the {medium} in {device}</source>
        <translation>Vollständig gelöscht: {medium} in {device}</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="929"/>
        <source>Erased quickly: the {medium} in {device}</source>
        <translation>Schnell gelöscht: {medium} in {device}</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="933"/>
        <source>The disc is blank and can be burned again.</source>
        <translation>Das Medium ist leer und kann erneut gebrannt werden.</translation>
    </message>
    <message>
        <location filename="../write/targets.py" line="23"/>
        <source>Optical drives (burn a disc)</source>
        <translation>Optische Laufwerke (Medium brennen)</translation>
    </message>
    <message>
        <location filename="../write/targets.py" line="24"/>
        <source>USB sticks and SD cards (write the image to it)</source>
        <translation>USB-Sticks und SD-Karten (Abbild darauf schreiben)</translation>
    </message>
    <message>
        <location filename="../write/targets.py" line="25"/>
        <source>none found</source>
        <translation>keines gefunden</translation>
    </message>
    <message>
        <location filename="../write/targets.py" line="26"/>
        <source>none plugged in</source>
        <translation>keiner eingesteckt</translation>
    </message>
    <message>
        <location filename="../write/targets.py" line="48"/>
        <source>{name} — {size} {kind} ({path})</source>
        <translation>{name} – {size} {kind} ({path})</translation>
    </message>
    <message>
        <location filename="../write/targets.py" line="50"/>
        <source>{name} — {size} {kind}, {count} partition ({path})</source>
        <translation>{name} – {size} {kind}, {count} Partition ({path})</translation>
    </message>
    <message>
        <location filename="../write/targets.py" line="52"/>
        <source>{name} — {size} {kind}, {count} partitions ({path})</source>
        <translation>{name} – {size} {kind}, {count} Partitionen ({path})</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="29"/>
        <source>No USB stick or SD card is plugged in. Plug one in: it appears under “USB sticks and SD cards” at once.</source>
        <translation>Kein USB-Stick und keine SD-Karte eingesteckt. Stecken Sie einen Stick oder eine Karte ein: Er erscheint sofort unter „USB-Sticks und SD-Karten“.</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="33"/>
        <source>Erase and write?</source>
        <translation>Löschen und schreiben?</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="34"/>
        <source>Erase and Write</source>
        <translation>Löschen und schreiben</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="36"/>
        <source>Boots from USB</source>
        <translation>Startet von USB</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="37"/>
        <source>Disk image</source>
        <translation>Datenträgerabbild</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="38"/>
        <location filename="../write/usb.py" line="39"/>
        <source>Will not boot from USB</source>
        <translation>Startet nicht von USB</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="40"/>
        <source>Data only, not bootable</source>
        <translation>Nur Daten, nicht startfähig</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="48"/>
        <source>serial {serial}</source>
        <translation>Seriennummer {serial}</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="48"/>
        <source>no serial number</source>
        <translation>keine Seriennummer</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="57"/>
        <source>unknown file system</source>
        <translation>unbekanntes Dateisystem</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="62"/>
        <source>mounted at {places}</source>
        <translation>eingehängt unter {places}</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="66"/>
        <source>{disk} itself is mounted at {places}</source>
        <translation>{disk} selbst ist unter {places} eingehängt</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="77"/>
        <source>no partitions; &lt;i&gt;whatever is on it is erased by writing.&lt;/i&gt;</source>
        <translation>keine Partitionen; &lt;i&gt;was auch immer darauf ist, wird beim Schreiben gelöscht.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="78"/>
        <source>&lt;i&gt;All of it is erased by writing.&lt;/i&gt;</source>
        <translation>&lt;i&gt;All das wird beim Schreiben gelöscht.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="101"/>
        <source>Verify: read the stick back and compare it with the image</source>
        <translation>Überprüfen: Stick zurücklesen und mit dem Abbild vergleichen</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="105"/>
        <source>Reads the stick directly (O_DIRECT, never the cache), so a stick that lost or altered data is found before you rely on it.</source>
        <translation>Liest den Stick direkt (O_DIRECT, nie aus dem Zwischenspeicher), sodass ein Stick, der Daten verloren oder verändert hat, auffällt, bevor Sie sich darauf verlassen.</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="114"/>
        <source>Stick</source>
        <translation>Stick</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="115"/>
        <source>Holds</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="116"/>
        <source>Booting</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="140"/>
        <source>The image ({size}) fits; {spare} of the stick stay unused.</source>
        <translation>Das Abbild ({size}) passt; {spare} des Sticks bleiben ungenutzt.</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="144"/>
        <source>Mounted now, unmounted before writing: {places}.</source>
        <translation>Jetzt eingehängt, wird vor dem Schreiben ausgehängt: {places}.</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="164"/>
        <source>Erase everything on {disk} ({size}) and write {image} to it?</source>
        <translation>Alles auf {disk} ({size}) löschen und {image} darauf schreiben?</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="168"/>
        <source>Everything on it is lost:</source>
        <translation>Alles darauf geht verloren:</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="169"/>
        <source>no partitions</source>
        <translation>keine Partitionen</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="171"/>
        <source>Unmounted first: {places}.</source>
        <translation>Zuerst ausgehängt: {places}.</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="187"/>
        <source>{size} in {seconds} s</source>
        <translation>{size} in {seconds} s</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="193"/>
        <source>Written and verified: {image} on {target}</source>
        <translation>Geschrieben und überprüft: {image} auf {target}</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="195"/>
        <source>{took}; read back from the stick (not from the cache) in {seconds} s, byte for byte equal to the image. The stick can be removed.</source>
        <translation>{took}; in {seconds} s vom Stick (nicht aus dem Zwischenspeicher) zurückgelesen, Byte für Byte gleich dem Abbild. Der Stick kann entfernt werden.</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="200"/>
        <source>Written, not verified: {image} on {target}</source>
        <translation>Geschrieben, nicht überprüft: {image} auf {target}</translation>
    </message>
    <message>
        <location filename="../write/usb.py" line="201"/>
        <source>{took}. The stick was not read back. The stick can be removed.</source>
        <translation>{took}. Der Stick wurde nicht zurückgelesen. Der Stick kann entfernt werden.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="61"/>
        <location filename="../panels/jobs_panel.py" line="178"/>
        <location filename="../write/usb.py" line="209"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="64"/>
        <source>CD images (*.cue *.bin *.nrg *.mds *.mdf *.ccd *.img *.cdi *.chd);;All files (*)</source>
        <translation>CD-Abbilder (*.cue *.bin *.nrg *.mds *.mdf *.ccd *.img *.cdi *.chd);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="117"/>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="117"/>
        <source>Track</source>
        <translation>Spur</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="117"/>
        <location filename="../image/page.py" line="193"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="117"/>
        <source>Sector size</source>
        <translation>Sektorgröße</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="117"/>
        <source>Sectors</source>
        <translation>Sektoren</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="82"/>
        <location filename="../image/convert_view.py" line="117"/>
        <location filename="../image/page.py" line="193"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="84"/>
        <source>Name on disc</source>
        <translation>Name auf dem Medium</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="436"/>
        <source>The disc&apos;s root folder cannot be removed.</source>
        <translation>Der oberste Ordner des Mediums kann nicht entfernt werden.</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="455"/>
        <source>The disc&apos;s root folder cannot be moved.</source>
        <translation>Der oberste Ordner des Mediums kann nicht verschoben werden.</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="460"/>
        <source>“{name}” is a file, not a folder.</source>
        <translation>„{name}“ ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="479"/>
        <source>“{name}” cannot be moved there.</source>
        <translation>„{name}“ kann nicht dorthin verschoben werden.</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="650"/>
        <source>“{name}” cannot be recorded as it is:</source>
        <translation>„{name}“ kann nicht unverändert gespeichert werden:</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="657"/>
        <source>Link to {target}</source>
        <translation>Verknüpfung zu {target}</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="660"/>
        <source>From the image {image} (read from it when building)</source>
        <translation>Aus dem Abbild {image} (wird beim Erstellen daraus gelesen)</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="663"/>
        <source>From {source}</source>
        <translation>Aus {source}</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="665"/>
        <source>New folder (not from disk)</source>
        <translation>Neuer Ordner (nicht vom Datenträger)</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="672"/>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="674"/>
        <source>link</source>
        <translation>Verknüpfung</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="676"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="132"/>
        <source>Convert anyway: I accept that these are not kept</source>
        <translation>Trotzdem umwandeln: Ich nehme in Kauf, dass dies nicht erhalten bleibt</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="162"/>
        <source>Convert to:</source>
        <translation>Umwandeln in:</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="163"/>
        <source>Tracks:</source>
        <translation>Spuren:</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="164"/>
        <source>Output:</source>
        <translation>Ausgabe:</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="168"/>
        <source>Convert</source>
        <translation>Umwandeln</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="190"/>
        <source>Reading {name}…</source>
        <translation>{name} wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../image/convert_view.py" line="215"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../image/convert_view.py" line="217"/>
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n Spur</numerusform>
            <numerusform>%n Spuren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="239"/>
        <source>Default (every track the target can hold)</source>
        <translation>Standard (jede Spur, die das Ziel aufnehmen kann)</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="241"/>
        <source>Track {number} ({mode})</source>
        <translation>Spur {number} ({mode})</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="282"/>
        <source>Not possible: {reason}</source>
        <translation>Nicht möglich: {reason}</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="289"/>
        <source>Converts track {numbers} to {target}.</source>
        <translation>Wandelt Spur {numbers} in {target} um.</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="294"/>
        <source>Nothing is lost.</source>
        <translation>Es geht nichts verloren.</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="296"/>
        <source>Not kept: {loss}</source>
        <translation>Nicht erhalten: {loss}</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="304"/>
        <source>Convert to</source>
        <translation>Umwandeln in</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="334"/>
        <source>Converting to {output}…</source>
        <translation>Wird in {output} umgewandelt…</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="372"/>
        <source>Cancelled: nothing was written.</source>
        <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="79"/>
        <source>Disc images (*.iso *.img *.udf *.bin *.cue *.nrg *.mds *.mdf *.ccd *.cdi *.chd);;All files (*)</source>
        <translation>Abbilder (*.iso *.img *.udf *.bin *.cue *.nrg *.mds *.mdf *.ccd *.cdi *.chd);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="110"/>
        <location filename="../image/page.py" line="231"/>
        <source>Open a disc image</source>
        <translation>Abbild öffnen</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="111"/>
        <source>Drop an ISO image here or press “Open image…” to see what it holds.</source>
        <translation>Ziehen Sie ein ISO-Abbild hierher oder drücken Sie „Abbild öffnen…“, um seinen Inhalt zu sehen.</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="113"/>
        <source>Rock Ridge, Joliet, UDF and plain ISO 9660 names, side by side</source>
        <translation>Rock-Ridge-, Joliet-, UDF- und einfache ISO-9660-Namen nebeneinander</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="114"/>
        <source>Extract files safely, keeping times and permissions</source>
        <translation>Dateien sicher extrahieren, mit Zeiten und Berechtigungen</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="115"/>
        <source>Mount the image without a password, or burn it</source>
        <translation>Das Abbild ohne Passwort einhängen oder brennen</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="138"/>
        <source>Open image…</source>
        <translation>Abbild öffnen…</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="142"/>
        <source>Which file system&apos;s names to show</source>
        <translation>Die Namen welches Dateisystems angezeigt werden</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="145"/>
        <source>Extract…</source>
        <translation>Extrahieren…</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="146"/>
        <source>Copy the selected files (or everything) to a folder</source>
        <translation>Die ausgewählten Dateien (oder alles) in einen Ordner kopieren</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="148"/>
        <location filename="../image/page.py" line="603"/>
        <source>Mount</source>
        <translation>Einhängen</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="150"/>
        <source>Burn…</source>
        <translation>Brennen…</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="133"/>
        <location filename="../image/page.py" line="153"/>
        <source>Write the image to a USB stick or SD card</source>
        <translation>Das Abbild auf einen USB-Stick oder eine SD-Karte schreiben</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="155"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="158"/>
        <source>Compare the image with its .sha256/.md5 checksum files, its implanted MD5 and its dvdisaster .ecc file</source>
        <translation>Das Abbild mit seinen .sha256/.md5-Prüfsummendateien, seiner eingebetteten MD5-Summe und seiner dvdisaster-.ecc-Datei vergleichen</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="163"/>
        <source>Edit as Project</source>
        <translation>Als Projekt bearbeiten</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="166"/>
        <source>Open the image&apos;s files in the Build workspace to change them and build a new image; the boot records are kept</source>
        <translation>Die Dateien des Abbilds im Arbeitsbereich „Erstellen“ öffnen, um sie zu ändern und ein neues Abbild zu erstellen; die Boot-Einträge bleiben erhalten</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="213"/>
        <source>Names:</source>
        <translation>Namen:</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="81"/>
        <location filename="../image/page.py" line="193"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="193"/>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="248"/>
        <source>{name}: a CD image — convert it below</source>
        <translation>{name}: ein CD-Abbild – unten umwandeln</translation>
    </message>
    <message numerus="yes">
        <location filename="../image/page.py" line="294"/>
        <source>%n problem(s) found</source>
        <translation>
            <numerusform>%n Problem gefunden</numerusform>
            <numerusform>%n Probleme gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../image/page.py" line="307"/>
        <source>{fs} (%n entries)</source>
        <translation>
            <numerusform>{fs} (%n Eintrag)</numerusform>
            <numerusform>{fs} (%n Einträge)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../build/commands.py" line="25"/>
        <location filename="../build/commands.py" line="124"/>
        <source>“{name}”</source>
        <translation>„{name}“</translation>
    </message>
    <message numerus="yes">
        <location filename="../build/commands.py" line="26"/>
        <location filename="../image/page.py" line="402"/>
        <source>%n items</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../build/commands.py" line="65"/>
        <source>Add {names}</source>
        <translation>{names} hinzufügen</translation>
    </message>
    <message>
        <location filename="../build/commands.py" line="82"/>
        <source>Remove {names}</source>
        <translation>{names} entfernen</translation>
    </message>
    <message>
        <location filename="../build/commands.py" line="99"/>
        <source>Rename “{old}” to “{new}”</source>
        <translation>„{old}“ in „{new}“ umbenennen</translation>
    </message>
    <message>
        <location filename="../build/commands.py" line="124"/>
        <source>the disc</source>
        <translation>die oberste Ebene</translation>
    </message>
    <message>
        <location filename="../build/commands.py" line="126"/>
        <source>Move {names} to {where}</source>
        <translation>{names} in {where} verschieben</translation>
    </message>
    <message>
        <location filename="../build/commands.py" line="160"/>
        <source>Change {what}</source>
        <translation>{what} ändern</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="456"/>
        <source>Extract into folder</source>
        <translation>In Ordner extrahieren</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="466"/>
        <source>Extracting into {folder}…</source>
        <translation>Wird nach {folder} extrahiert…</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="495"/>
        <source>Mounted at {place} ({device})</source>
        <translation>Eingehängt unter {place} ({device})</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="503"/>
        <source>Unmounted; {device} detached</source>
        <translation>Ausgehängt; {device} getrennt</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="536"/>
        <source>Matches {files}.</source>
        <translation>Stimmt mit {files} überein.</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="538"/>
        <source>No checksum file next to the image: nothing compared.</source>
        <translation>Keine Prüfsummendatei neben dem Abbild: nichts verglichen.</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="559"/>
        <source>Implanted MD5 verified.</source>
        <translation>Eingebettete MD5-Summe überprüft.</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="561"/>
        <source>Implanted MD5: {result}.</source>
        <translation>Eingebettete MD5-Summe: {result}.</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="566"/>
        <source>{ecc}: no damaged sector.</source>
        <translation>{ecc}: kein beschädigter Sektor.</translation>
    </message>
    <message numerus="yes">
        <location filename="../image/page.py" line="568"/>
        <source>{ecc}: %n damaged sectors ({ranges}).</source>
        <translation>
            <numerusform>{ecc}: %n beschädigter Sektor ({ranges}).</numerusform>
            <numerusform>{ecc}: %n beschädigte Sektoren ({ranges}).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../image/page.py" line="574"/>
        <source>Its RS02 error-correction data: no damaged sector.</source>
        <translation>RS02-Fehlerkorrekturdaten des Abbilds: kein beschädigter Sektor.</translation>
    </message>
    <message numerus="yes">
        <location filename="../image/page.py" line="577"/>
        <source>Its RS02 error-correction data: %n damaged sectors ({ranges}).</source>
        <translation>
            <numerusform>RS02-Fehlerkorrekturdaten des Abbilds: %n beschädigter Sektor ({ranges}).</numerusform>
            <numerusform>RS02-Fehlerkorrekturdaten des Abbilds: %n beschädigte Sektoren ({ranges}).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../image/page.py" line="599"/>
        <source>Burn the CD image&apos;s data track (the Write page lists what is lost)</source>
        <translation>Die Datenspur des CD-Abbilds brennen (die Seite „Schreiben“ zeigt, was verloren geht)</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="603"/>
        <source>Unmount</source>
        <translation>Aushängen</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="623"/>
        <source>Type: {kind}</source>
        <translation>Typ: {kind}</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="626"/>
        <source>Size: {size} ({bytes} bytes)</source>
        <translation>Größe: {size} ({bytes} Byte)</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="630"/>
        <source>not recorded</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="631"/>
        <source>Modified: {time}</source>
        <translation>Geändert: {time}</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="633"/>
        <source>Mode: {mode}</source>
        <translation>Modus: {mode}</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="635"/>
        <source>Owner: {uid}:{gid}</source>
        <translation>Eigentümer: {uid}:{gid}</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="637"/>
        <source>Link to: {target}</source>
        <translation>Verknüpfung zu: {target}</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="640"/>
        <source>Data: {bytes} bytes not recorded (zeros)</source>
        <translation>Daten: {bytes} Byte nicht gespeichert (Nullen)</translation>
    </message>
    <message>
        <location filename="../image/page.py" line="643"/>
        <source>Data: sector {sector}, {bytes} bytes</source>
        <translation>Daten: Sektor {sector}, {bytes} Byte</translation>
    </message>
    <message numerus="yes">
        <location filename="../image/page.py" line="648"/>
        <source>… and %n more extents</source>
        <translation>
            <numerusform>… und %n weiterer Bereich</numerusform>
            <numerusform>… und %n weitere Bereiche</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="103"/>
        <location filename="../main_window.py" line="113"/>
        <source>Drives</source>
        <translation>Laufwerke</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="104"/>
        <location filename="../main_window.py" line="443"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="105"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178"/>
        <source>{project}[*] — {app}</source>
        <translation>{project}[*] — {app}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183"/>
        <source>Burn {name}: choose a drive with a blank disc</source>
        <translation>{name} brennen: Wählen Sie ein Laufwerk mit einem Rohling</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="189"/>
        <source>Write {name} to a USB stick: choose the stick</source>
        <translation>{name} auf einen USB-Stick schreiben: Wählen Sie den Stick</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="207"/>
        <source>Editing the {fs} tree of the image as a new project</source>
        <translation>Der {fs}-Baum des Abbilds wird als neues Projekt bearbeitet</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="211"/>
        <source>, %n boot entry(s) kept</source>
        <translation>
            <numerusform>, %n Boot-Eintrag beibehalten</numerusform>
            <numerusform>, %n Boot-Einträge beibehalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="213"/>
        <source>; %n note(s): {note}</source>
        <translation>
            <numerusform>; %n Hinweis: {note}</numerusform>
            <numerusform>; %n Hinweise: {note}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="256"/>
        <source>{medium} in {drive}</source>
        <translation>{medium} in {drive}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="295"/>
        <source>Open Log Folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="301"/>
        <source>Quit {app}?</source>
        <translation>{app} beenden?</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="303"/>
        <source>%n job(s) still running. Quitting cancels them; what they made so far is removed.</source>
        <translation>
            <numerusform>%n Auftrag läuft noch. Beim Beenden wird er abgebrochen; was er bisher erstellt hat, wird entfernt.</numerusform>
            <numerusform>%n Aufträge laufen noch. Beim Beenden werden sie abgebrochen; was sie bisher erstellt haben, wird entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="330"/>
        <source>Cancelling running jobs…</source>
        <translation>Laufende Aufträge werden abgebrochen…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="361"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="363"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="370"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="372"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="380"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="397"/>
        <source>Clear &amp;Finished Jobs</source>
        <translation>&amp;Abgeschlossene Aufträge entfernen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="401"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="404"/>
        <source>&amp;User Guide</source>
        <translation>Benutzer&amp;handbuch</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="408"/>
        <source>Open &amp;Log Folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="413"/>
        <source>&amp;About {app}</source>
        <translation>Ü&amp;ber {app}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="417"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="443"/>
        <source>Jobs ({count})</source>
        <translation>Aufträge ({count})</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="446"/>
        <source>No jobs running</source>
        <translation>Keine laufenden Aufträge</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="448"/>
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n Auftrag läuft</numerusform>
            <numerusform>%n Aufträge laufen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="456"/>
        <source>{job}: {outcome}</source>
        <translation>{job}: {outcome}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="467"/>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="468"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="469"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../dialogs/about_dialog.py" line="20"/>
        <source>Spindle is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>Spindle ist freie Software: Sie können sie unter den Bedingungen der GNU General Public License, wie von der Free Software Foundation veröffentlicht, weitergeben und/oder verändern, entweder gemäß Version 3 der Lizenz oder (nach Ihrer Wahl) jeder späteren Version. Sie wird OHNE JEDE GEWÄHRLEISTUNG bereitgestellt.</translation>
    </message>
    <message>
        <location filename="../dialogs/about_dialog.py" line="32"/>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <location filename="../dialogs/about_dialog.py" line="47"/>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <location filename="../dialogs/about_dialog.py" line="49"/>
        <source>Build disc images, read discs into images, burn images to discs.</source>
        <translation>Abbilder aus Dateien erstellen, Medien als Abbild einlesen, Abbilder auf Medien brennen.</translation>
    </message>
    <message>
        <location filename="../dialogs/about_dialog.py" line="54"/>
        <source>&lt;b&gt;Licence:&lt;/b&gt; {licence}&lt;br&gt;{text}</source>
        <translation>&lt;b&gt;Lizenz:&lt;/b&gt; {licence}&lt;br&gt;{text}</translation>
    </message>
    <message>
        <location filename="../dialogs/about_dialog.py" line="59"/>
        <source>not written (no log folder)</source>
        <translation>nicht geschrieben (kein Protokollordner)</translation>
    </message>
    <message>
        <location filename="../dialogs/about_dialog.py" line="60"/>
        <source>&lt;b&gt;Log file:&lt;/b&gt; {path}</source>
        <translation>&lt;b&gt;Protokolldatei:&lt;/b&gt; {path}</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="40"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="94"/>
        <source>Where new images are saved unless you choose otherwise</source>
        <translation>Wo neue Abbilder gespeichert werden, sofern Sie nichts anderes wählen</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="48"/>
        <source>Verify images and discs after building, reading or burning</source>
        <translation>Abbilder und Medien nach dem Erstellen, Lesen oder Brennen überprüfen</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="52"/>
        <source>Add error-correction data to built images (dvdisaster .ecc file, implanted MD5)</source>
        <translation>Erstellten Abbildern Fehlerkorrekturdaten hinzufügen (dvdisaster-.ecc-Datei, eingebettete MD5-Summe)</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="56"/>
        <source>Writes IMAGE.ecc (RS01, 14.3 %: a run of about 1/7 of the disc can be rebuilt) and implants the MD5 that checkisomd5 checks</source>
        <translation>Schreibt IMAGE.ecc (RS01, 14,3 %: ein zusammenhängender Bereich von etwa 1/7 des Mediums lässt sich wiederherstellen) und bettet die MD5-Summe ein, die checkisomd5 prüft</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="70"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="71"/>
        <source>Output folder:</source>
        <translation>Ausgabeordner:</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="74"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="75"/>
        <source>Colour scheme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="76"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="108"/>
        <source>The user interface&apos;s language, used from the next start (SPINDLE_LANG overrides it)</source>
        <translation>Die Sprache der Benutzeroberfläche, gültig ab dem nächsten Start (SPINDLE_LANG hat Vorrang)</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="112"/>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="117"/>
        <source>Applies at the next start of {app}.</source>
        <translation>Gilt ab dem nächsten Start von {app}.</translation>
    </message>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="143"/>
        <source>Choose the output folder</source>
        <translation>Ausgabeordner wählen</translation>
    </message>
    <message>
        <location filename="../dialogs/user_guide.py" line="33"/>
        <source>{app} User Guide</source>
        <translation>{app} – Benutzerhandbuch</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="58"/>
        <source>Reading the disc…</source>
        <translation>Medium wird gelesen…</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="62"/>
        <source>no disc</source>
        <translation>kein Medium</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="63"/>
        <source>not ready</source>
        <translation>nicht bereit</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="64"/>
        <source>blank</source>
        <translation>leer</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="65"/>
        <source>appendable</source>
        <translation>erweiterbar</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="66"/>
        <source>complete</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="67"/>
        <source>rewritable</source>
        <translation>wiederbeschreibbar</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="68"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="47"/>
        <location filename="../panels/drive_panel.py" line="76"/>
        <source>No disc</source>
        <translation>Kein Medium</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="78"/>
        <source>Disc not ready yet</source>
        <translation>Medium noch nicht bereit</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="79"/>
        <source>Unknown disc</source>
        <translation>Unbekanntes Medium</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="82"/>
        <source>{medium}, blank, {free} free</source>
        <translation>{medium}, leer, {free} frei</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="84"/>
        <source>{medium}, appendable, {used} used, {free} free</source>
        <translation>{medium}, erweiterbar, {used} belegt, {free} frei</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="88"/>
        <source>{medium}, complete, {used}</source>
        <translation>{medium}, abgeschlossen, {used}</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="90"/>
        <source>{medium}, rewritable, {size}</source>
        <translation>{medium}, wiederbeschreibbar, {size}</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="99"/>
        <source>{device} · read-only</source>
        <translation>{device} · liest nur</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="100"/>
        <source>{device} · writes {formats}</source>
        <translation>{device} · schreibt {formats}</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="149"/>
        <source>Eject</source>
        <translation>Auswerfen</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="150"/>
        <source>Open the tray of {device}</source>
        <translation>Die Schublade von {device} öffnen</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="151"/>
        <source>Close tray</source>
        <translation>Einfahren</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="152"/>
        <source>Close the tray of {device}</source>
        <translation>Die Schublade von {device} schließen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="149"/>
        <location filename="../panels/drive_panel.py" line="153"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="202"/>
        <source>This drive cannot close its tray by itself</source>
        <translation>Dieses Laufwerk kann seine Schublade nicht selbst schließen</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="210"/>
        <source>{used} used, {free} free of {capacity}</source>
        <translation>{used} belegt, {free} von {capacity} frei</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="223"/>
        <source>Drive not readable</source>
        <translation>Laufwerk nicht lesbar</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="247"/>
        <source>Drive {device}</source>
        <translation>Laufwerk {device}</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="251"/>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="251"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="176"/>
        <location filename="../panels/drive_panel.py" line="256"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="280"/>
        <location filename="../panels/log_view.py" line="35"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="281"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="283"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="287"/>
        <source>Drive</source>
        <translation>Laufwerk</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="288"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="290"/>
        <source>SCSI generic device</source>
        <translation>Generisches SCSI-Gerät</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="292"/>
        <source>Vendor</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="293"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="294"/>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="295"/>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="296"/>
        <source>Abilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="297"/>
        <source>Reads</source>
        <translation>Liest</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="299"/>
        <source>Writes</source>
        <translation>Schreibt</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="299"/>
        <source>nothing (read-only)</source>
        <translation>nichts (liest nur)</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="304"/>
        <source>Maximum read speed</source>
        <translation>Höchste Lesegeschwindigkeit</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="305"/>
        <location filename="../panels/drive_panel.py" line="309"/>
        <source>{speed} kB/s</source>
        <translation>{speed} kB/s</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="311"/>
        <source>Write speeds</source>
        <translation>Schreibgeschwindigkeiten</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="313"/>
        <source>Buffer</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="314"/>
        <source>Loading mechanism</source>
        <translation>Lademechanismus</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="317"/>
        <source>Can eject / lock</source>
        <translation>Kann auswerfen / sperren</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="320"/>
        <source>Reports media events</source>
        <translation>Meldet Medienereignisse</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="326"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="83"/>
        <location filename="../panels/drive_panel.py" line="328"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="329"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="330"/>
        <source>Erasable</source>
        <translation>Löschbar</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="331"/>
        <source>Sessions / tracks</source>
        <translation>Sitzungen / Spuren</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="332"/>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="333"/>
        <source>Used</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="334"/>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="336"/>
        <source>Next writable address</source>
        <translation>Nächste beschreibbare Adresse</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="341"/>
        <source>Profiles ({count})</source>
        <translation>Profile ({count})</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="346"/>
        <location filename="../panels/drive_panel.py" line="358"/>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="347"/>
        <source>writes</source>
        <translation>schreibt</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="353"/>
        <source>Features ({count})</source>
        <translation>Funktionen ({count})</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="358"/>
        <source>not current</source>
        <translation>nicht aktuell</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="363"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="363"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="388"/>
        <source>Connect a CD, DVD or Blu-ray drive to read or burn discs.</source>
        <translation>Schließen Sie ein CD-, DVD- oder Blu-ray-Laufwerk an, um Medien zu lesen oder zu brennen.</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="495"/>
        <source>Closing the tray…</source>
        <translation>Schublade wird geschlossen…</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="495"/>
        <source>Ejecting…</source>
        <translation>Wird ausgeworfen…</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="92"/>
        <source>Waiting to start…</source>
        <translation>Wartet auf den Start…</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="102"/>
        <source>Stop this job; it removes what it half made</source>
        <translation>Diesen Auftrag anhalten; halb Fertiges wird entfernt</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="104"/>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="105"/>
        <source>Show the error and its technical details</source>
        <translation>Den Fehler und seine technischen Details anzeigen</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="172"/>
        <source>Finished in {time}</source>
        <translation>Fertig nach {time}</translation>
    </message>
    <message>
        <location filename="../common/desktop.py" line="93"/>
        <location filename="../panels/jobs_panel.py" line="180"/>
        <source>The job failed.</source>
        <translation>Der Auftrag ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="181"/>
        <source>Failed: {message}</source>
        <translation>Fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="241"/>
        <source>Clear Finished</source>
        <translation>Beendete entfernen</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="242"/>
        <source>Remove finished jobs from the list</source>
        <translation>Beendete Aufträge aus der Liste entfernen</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="251"/>
        <source>No jobs yet. Building, reading and burning run here, with their progress.</source>
        <translation>Noch keine Aufträge. Erstellen, Lesen und Brennen erscheinen hier mit ihrem Fortschritt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../panels/jobs_panel.py" line="339"/>
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../panels/jobs_panel.py" line="341"/>
        <source>%n finished</source>
        <translation>
            <numerusform>%n beendet</numerusform>
            <numerusform>%n beendet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="342"/>
        <source>No jobs</source>
        <translation>Keine Aufträge</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="32"/>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="33"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="34"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="73"/>
        <source>Show records of this level and above</source>
        <translation>Einträge dieser Stufe und darüber anzeigen</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="75"/>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="78"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="79"/>
        <source>Empty this view (the log file keeps everything)</source>
        <translation>Diese Ansicht leeren (die Protokolldatei behält alles)</translation>
    </message>
    <message>
        <location filename="../panels/mode_bar.py" line="48"/>
        <source>{summary} ({shortcut})</source>
        <translation>{summary} ({shortcut})</translation>
    </message>
    <message>
        <location filename="../common/desktop.py" line="87"/>
        <source>{title}: done</source>
        <translation>{title}: fertig</translation>
    </message>
    <message>
        <location filename="../common/desktop.py" line="87"/>
        <source>Finished in {time}.</source>
        <translation>Fertig nach {time}.</translation>
    </message>
    <message>
        <location filename="../common/desktop.py" line="90"/>
        <source>{title}: cancelled</source>
        <translation>{title}: abgebrochen</translation>
    </message>
    <message>
        <location filename="../common/desktop.py" line="91"/>
        <source>Stopped after {time}.</source>
        <translation>Nach {time} angehalten.</translation>
    </message>
    <message>
        <location filename="../common/desktop.py" line="94"/>
        <source>{title}: failed</source>
        <translation>{title}: fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="38"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="39"/>
        <source>Cannot use this input</source>
        <translation>Diese Eingabe ist nicht verwendbar</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="40"/>
        <source>Cannot open the project</source>
        <translation>Das Projekt lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="41"/>
        <source>Does not fit</source>
        <translation>Passt nicht</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="42"/>
        <source>Problem with the image</source>
        <translation>Problem mit dem Abbild</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="43"/>
        <source>Verification failed</source>
        <translation>Überprüfung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="44"/>
        <source>Cannot mount the image</source>
        <translation>Das Abbild lässt sich nicht einhängen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="45"/>
        <source>Problem with the drive</source>
        <translation>Problem mit dem Laufwerk</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="46"/>
        <source>Drive not found</source>
        <translation>Laufwerk nicht gefunden</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="48"/>
        <source>Unsuitable disc</source>
        <translation>Ungeeignetes Medium</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="49"/>
        <source>Permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="50"/>
        <source>Drive communication error</source>
        <translation>Fehler bei der Verständigung mit dem Laufwerk</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="51"/>
        <source>The disc was changed</source>
        <translation>Das Medium wurde gewechselt</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="52"/>
        <source>The drive did not answer in time</source>
        <translation>Das Laufwerk hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="53"/>
        <source>The drive reported an error</source>
        <translation>Das Laufwerk hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="54"/>
        <source>udisks2 is not available</source>
        <translation>udisks2 ist nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="55"/>
        <source>udisks2 refused</source>
        <translation>udisks2 hat abgelehnt</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="56"/>
        <source>Not a safe target</source>
        <translation>Kein sicheres Ziel</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="57"/>
        <source>The disk changed</source>
        <translation>Der Datenträger hat sich verändert</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="58"/>
        <source>The disk is in use</source>
        <translation>Der Datenträger wird verwendet</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="59"/>
        <source>Could not unmount</source>
        <translation>Aushängen nicht möglich</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="60"/>
        <source>Writing failed</source>
        <translation>Schreiben fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="62"/>
        <source>Spindle ran into a problem of its own</source>
        <translation>Spindle hat ein internes Problem</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="63"/>
        <source>A source file changed</source>
        <translation>Eine Quelldatei hat sich geändert</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="64"/>
        <source>Unexpected answer from the drive</source>
        <translation>Unerwartete Antwort vom Laufwerk</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="65"/>
        <source>Unusable map file</source>
        <translation>Unbrauchbare Map-Datei</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="66"/>
        <source>Unreadable sectors</source>
        <translation>Unlesbare Sektoren</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="72"/>
        <source>The folder is on a read-only file system.</source>
        <translation>Der Ordner liegt auf einem schreibgeschützten Dateisystem.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="73"/>
        <source>You do not have permission to do this there.</source>
        <translation>Sie haben dort nicht die Berechtigung dazu.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="74"/>
        <source>The system does not allow this operation.</source>
        <translation>Das System erlaubt diesen Vorgang nicht.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="75"/>
        <source>The disk is full.</source>
        <translation>Der Datenträger ist voll.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="76"/>
        <source>Your disk quota is used up.</source>
        <translation>Ihr Speicherkontingent ist aufgebraucht.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="77"/>
        <source>The file or folder does not exist (any more).</source>
        <translation>Die Datei oder der Ordner existiert nicht (mehr).</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="78"/>
        <source>A part of the path is not a folder.</source>
        <translation>Ein Teil des Pfads ist kein Ordner.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="79"/>
        <source>The name is a folder, not a file.</source>
        <translation>Der Name ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="80"/>
        <source>A file of that name exists already.</source>
        <translation>Eine Datei dieses Namens existiert bereits.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="81"/>
        <source>The device or file is in use by another program.</source>
        <translation>Das Gerät oder die Datei wird von einem anderen Programm verwendet.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="84"/>
        <source>The device reported an input/output error (damaged medium or failing hardware?).</source>
        <translation>Das Gerät hat einen Ein-/Ausgabefehler gemeldet (beschädigtes Medium oder defekte Hardware?).</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="87"/>
        <source>There is no medium in the drive.</source>
        <translation>Im Laufwerk liegt kein Medium.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="88"/>
        <source>The name is too long for the file system.</source>
        <translation>Der Name ist für das Dateisystem zu lang.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="89"/>
        <source>The file is larger than the file system allows.</source>
        <translation>Die Datei ist größer, als das Dateisystem erlaubt.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="90"/>
        <source>The path contains a symbolic link where none is allowed.</source>
        <translation>Der Pfad enthält eine symbolische Verknüpfung, wo keine erlaubt ist.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="102"/>
        <source>The system said: {reason}.</source>
        <translation>Das System meldet: {reason}.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="113"/>
        <source>{action} failed</source>
        <translation>{action} fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="170"/>
        <source>Copy Details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="171"/>
        <source>Copy the message and the technical details</source>
        <translation>Die Meldung und die technischen Details kopieren</translation>
    </message>
    <message>
        <location filename="../common/open_folder.py" line="23"/>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../common/open_folder.py" line="24"/>
        <source>No file manager could open the folder.</source>
        <translation>Kein Dateimanager konnte den Ordner öffnen.</translation>
    </message>
    <message>
        <location filename="../common/open_folder.py" line="28"/>
        <source>It is here:
{folder}</source>
        <translation>Er befindet sich hier:
{folder}</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="23"/>
        <source>Checking sources</source>
        <translation>Quellen prüfen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="24"/>
        <source>Laying out</source>
        <translation>Anordnen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="25"/>
        <source>Writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="26"/>
        <source>Verifying</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="27"/>
        <source>Computing checksums</source>
        <translation>Prüfsummen berechnen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="28"/>
        <source>Reading the disc layout</source>
        <translation>Aufbau des Mediums lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="29"/>
        <source>Finding track pregaps</source>
        <translation>Pregaps der Spuren suchen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="30"/>
        <source>Comparing disc and image</source>
        <translation>Medium und Abbild vergleichen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="31"/>
        <source>Formatting</source>
        <translation>Formatieren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="32"/>
        <source>Erasing</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="33"/>
        <source>Flushing the drive&apos;s cache</source>
        <translation>Cache des Laufwerks leeren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="34"/>
        <source>Closing the session</source>
        <translation>Sitzung abschließen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="35"/>
        <source>Reloading the disc</source>
        <translation>Medium neu laden</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="36"/>
        <source>Reading drives</source>
        <translation>Laufwerke lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="37"/>
        <source>Opening the image</source>
        <translation>Abbild öffnen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="38"/>
        <source>Converting</source>
        <translation>Umwandeln</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="39"/>
        <source>Compressing</source>
        <translation>Komprimieren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="40"/>
        <source>Reading the image</source>
        <translation>Abbild lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="41"/>
        <source>Extracting</source>
        <translation>Extrahieren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="42"/>
        <source>Checking the target disk</source>
        <translation>Zieldatenträger prüfen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="43"/>
        <source>Unmounting</source>
        <translation>Aushängen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="44"/>
        <source>Computing error-correction data</source>
        <translation>Fehlerkorrekturdaten berechnen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="45"/>
        <source>Repairing</source>
        <translation>Reparieren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="47"/>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="48"/>
        <source>Reading skipped areas</source>
        <translation>Übersprungene Bereiche lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="49"/>
        <source>Trimming failed areas</source>
        <translation>Fehlerbereiche eingrenzen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="50"/>
        <source>Scraping failed areas</source>
        <translation>Fehlerbereiche sektorweise lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="51"/>
        <source>Retrying bad sectors</source>
        <translation>Defekte Sektoren erneut lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="68"/>
        <source>{done} of {total}</source>
        <translation>{done} von {total}</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="73"/>
        <source>{done} sectors</source>
        <translation>{done} Sektoren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="74"/>
        <source>{done} of {total} sectors</source>
        <translation>{done} von {total} Sektoren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="76"/>
        <source>{done} items</source>
        <translation>{done} Elemente</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="77"/>
        <source>{done} of {total} items</source>
        <translation>{done} von {total} Elementen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="89"/>
        <source>{rate} items/s</source>
        <translation>{rate} Elemente/s</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="96"/>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <location filename="../common/settings.py" line="29"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../common/settings.py" line="30"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../common/settings.py" line="31"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="43"/>
        <source>Build: create a disc image from files and folders</source>
        <translation>Erstellen: ein Abbild aus Dateien und Ordnern erstellen</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="44"/>
        <source>Read: copy a disc into an image file</source>
        <translation>Lesen: ein Medium in eine Abbilddatei kopieren</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="45"/>
        <source>Write: burn an image to a disc</source>
        <translation>Schreiben: ein Abbild auf ein Medium brennen</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="46"/>
        <source>Image: open an image, browse, extract and mount it</source>
        <translation>Abbild: ein Abbild öffnen, durchsuchen, extrahieren und einhängen</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="51"/>
        <source>Build</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="52"/>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="53"/>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location filename="../write/protect_option.py" line="53"/>
        <source>Add error-correction data (to a copy)</source>
        <translation>Fehlerkorrekturdaten hinzufügen (zu einer Kopie)</translation>
    </message>
    <message>
        <location filename="../write/protect_option.py" line="57"/>
        <source>Burn a copy of the image with dvdisaster RS02 error-correction data in the disc&apos;s free space; the image file itself is not changed</source>
        <translation>Eine Kopie des Abbilds mit dvdisaster-RS02-Fehlerkorrekturdaten im freien Platz des Rohlings brennen; die Abbilddatei selbst wird nicht verändert</translation>
    </message>
    <message>
        <location filename="../write/protect_option.py" line="80"/>
        <source>Choose an image to see what error-correction data fits.</source>
        <translation>Wählen Sie ein Abbild, um zu sehen, welche Fehlerkorrekturdaten Platz haben.</translation>
    </message>
    <message>
        <location filename="../write/protect_option.py" line="86"/>
        <source>The image already carries dvdisaster RS02 error-correction data: it is burned as it is.</source>
        <translation>Das Abbild enthält bereits dvdisaster-RS02-Fehlerkorrekturdaten: Es wird unverändert gebrannt.</translation>
    </message>
    <message>
        <location filename="../write/protect_option.py" line="94"/>
        <source>Check the disc to see what error-correction data fits.</source>
        <translation>Prüfen Sie das Medium, um zu sehen, welche Fehlerkorrekturdaten Platz haben.</translation>
    </message>
    <message>
        <location filename="../write/protect_option.py" line="100"/>
        <source>Not available: {reason}</source>
        <translation>Nicht verfügbar: {reason}</translation>
    </message>
    <message>
        <location filename="../write/protect_option.py" line="108"/>
        <source>A copy with it is written to {folder} for the burn and removed afterwards; the image itself is not changed.</source>
        <translation>Dafür wird eine Kopie in {folder} geschrieben und nach dem Brennen entfernt; das Abbild selbst wird nicht verändert.</translation>
    </message>
    <message>
        <location filename="../write/protect_option.py" line="168"/>
        <source>Burned with error-correction data (dvdisaster RS02, {percent} %).</source>
        <translation>Mit Fehlerkorrekturdaten gebrannt (dvdisaster RS02, {percent} %).</translation>
    </message>
    <message>
        <location filename="../image/repair_bar.py" line="47"/>
        <source>&amp;Repair</source>
        <translation>&amp;Reparieren</translation>
    </message>
    <message>
        <location filename="../image/repair_bar.py" line="88"/>
        <source>the image&apos;s own error-correction data (dvdisaster RS02)</source>
        <translation>den Fehlerkorrekturdaten des Abbilds selbst (dvdisaster RS02)</translation>
    </message>
    <message numerus="yes">
        <location filename="../image/repair_bar.py" line="91"/>
        <source>%n damaged sectors can be rebuilt with {source}.</source>
        <translation>
            <numerusform>%n beschädigter Sektor lässt sich mit {source} wiederherstellen.</numerusform>
            <numerusform>%n beschädigte Sektoren lassen sich mit {source} wiederherstellen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../image/repair_bar.py" line="95"/>
        <source>Rebuild the damaged sectors; the image is replaced by the repaired copy</source>
        <translation>Die beschädigten Sektoren wiederherstellen; das Abbild wird durch die reparierte Kopie ersetzt</translation>
    </message>
    <message>
        <location filename="../image/repair_bar.py" line="108"/>
        <source>Repairing {image}…</source>
        <translation>{image} wird repariert…</translation>
    </message>
    <message numerus="yes">
        <location filename="../image/repair_bar.py" line="140"/>
        <source>Repaired {repaired} sectors; %n could not be rebuilt (too many damaged sectors in one place).</source>
        <translation>
            <numerusform>{repaired} Sektoren repariert; %n ließ sich nicht wiederherstellen (zu viele beschädigte Sektoren an einer Stelle).</numerusform>
            <numerusform>{repaired} Sektoren repariert; %n ließen sich nicht wiederherstellen (zu viele beschädigte Sektoren an einer Stelle).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../image/repair_bar.py" line="152"/>
        <source>Repair cancelled: the image was not changed.</source>
        <translation>Reparatur abgebrochen: Das Abbild wurde nicht verändert.</translation>
    </message>
    <message>
        <location filename="../image/repair_bar.py" line="156"/>
        <source>The repair failed: {message}</source>
        <translation>Die Reparatur ist fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="49"/>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="53"/>
        <source>Start an empty disc project</source>
        <translation>Ein leeres Projekt beginnen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="58"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="62"/>
        <source>Open a saved disc project</source>
        <translation>Ein gespeichertes Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="67"/>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="71"/>
        <source>Save the disc project</source>
        <translation>Das Projekt speichern</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="76"/>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="80"/>
        <source>Save the disc project under a new name</source>
        <translation>Das Projekt unter einem neuen Namen speichern</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="85"/>
        <source>&amp;Build Image…</source>
        <translation>Abbild &amp;erstellen…</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="89"/>
        <source>Build an ISO image of the project</source>
        <translation>Ein ISO-Abbild des Projekts erstellen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="95"/>
        <source>Add &amp;Files…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="99"/>
        <source>Add files to the selected folder of the disc</source>
        <translation>Dateien zum ausgewählten Ordner des Mediums hinzufügen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="100"/>
        <source>Add Files…</source>
        <translation>Dateien…</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="104"/>
        <source>Add F&amp;older…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="108"/>
        <source>Add a folder with everything in it</source>
        <translation>Einen Ordner mit seinem gesamten Inhalt hinzufügen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="109"/>
        <source>Add Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="113"/>
        <source>New Fol&amp;der</source>
        <translation>&amp;Neuer Ordner</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="117"/>
        <source>Create an empty folder on the disc</source>
        <translation>Einen leeren Ordner auf dem Medium anlegen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="121"/>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="125"/>
        <source>Rename the selected item</source>
        <translation>Das ausgewählte Element umbenennen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="129"/>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="134"/>
        <source>Remove the selected items from the disc (the files on your computer stay)</source>
        <translation>Die ausgewählten Elemente vom Medium entfernen (die Dateien auf Ihrem Computer bleiben erhalten)</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="139"/>
        <source>&amp;Copy Paths</source>
        <translation>Pfade &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="143"/>
        <source>Copy the selected items&apos; source paths</source>
        <translation>Die Quellpfade der ausgewählten Elemente kopieren</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="147"/>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="151"/>
        <source>Add the files whose paths or URLs are on the clipboard</source>
        <translation>Die Dateien hinzufügen, deren Pfade oder URLs in der Zwischenablage sind</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="155"/>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="159"/>
        <source>Select everything in the project</source>
        <translation>Alles im Projekt auswählen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="163"/>
        <source>&amp;Properties</source>
        <translation>&amp;Eigenschaften</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="167"/>
        <source>Show or hide the volume and file-system properties (F4)</source>
        <translation>Die Volume- und Dateisystem-Eigenschaften ein- oder ausblenden (F4)</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="172"/>
        <source>Cancel Build</source>
        <translation>Erstellen abbrechen</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="176"/>
        <source>Stop building the image</source>
        <translation>Das Erstellen des Abbilds anhalten</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="209"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../build/actions.py" line="212"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../build/add_worker.py" line="239"/>
        <source>The folder cannot be read: {reason}</source>
        <translation>Der Ordner kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../build/add_worker.py" line="301"/>
        <source>Cannot read “{path}”.</source>
        <translation>„{path}“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="133"/>
        <source>{used} of {capacity}</source>
        <translation>{used} von {capacity}</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="172"/>
        <source>Target medium</source>
        <translation>Zielmedium</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="174"/>
        <source>The disc the image is meant for: the bar shows how much of it the image fills</source>
        <translation>Das Medium, für das das Abbild bestimmt ist: Der Balken zeigt, wie viel davon das Abbild belegt</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="178"/>
        <source>Custom size…</source>
        <translation>Eigene Größe…</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="182"/>
        <source>Custom medium size in MiB</source>
        <translation>Eigene Mediengröße in MiB</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="186"/>
        <source>The size of the medium, in MiB (1 MiB = 1,048,576 bytes)</source>
        <translation>Die Größe des Mediums in MiB (1 MiB = 1.048.576 Byte)</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="189"/>
        <source>Disc capacity</source>
        <translation>Kapazität des Mediums</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="197"/>
        <source>&amp;Medium:</source>
        <translation>&amp;Medium:</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="265"/>
        <source>Inserted: {label}</source>
        <translation>Eingelegt: {label}</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="301"/>
        <source>Custom ({size})</source>
        <translation>Eigene ({size})</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="317"/>
        <source>Over by {size}</source>
        <translation>{size} zu viel</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="319"/>
        <source>The image ({used}) is {over} larger than a {medium} holds. Remove something or choose a larger medium.</source>
        <translation>Das Abbild ({used}) ist {over} größer, als {medium} fasst. Entfernen Sie etwas oder wählen Sie ein größeres Medium.</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="327"/>
        <source>{size} free</source>
        <translation>{size} frei</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="328"/>
        <source>The image will be about {used}; a {medium} holds {capacity}.</source>
        <translation>Das Abbild wird etwa {used} groß; {medium} fasst {capacity}.</translation>
    </message>
    <message>
        <location filename="../build/capacity_bar.py" line="334"/>
        <source>(updating…)</source>
        <translation>(wird aktualisiert…)</translation>
    </message>
    <message>
        <location filename="../build/clash_dialog.py" line="20"/>
        <source>Name already in the project</source>
        <translation>Name bereits im Projekt</translation>
    </message>
    <message>
        <location filename="../build/clash_dialog.py" line="21"/>
        <source>the top folder of the disc</source>
        <translation>dem obersten Ordner des Mediums</translation>
    </message>
    <message>
        <location filename="../build/clash_dialog.py" line="22"/>
        <source>“{name}” already exists in {where}.</source>
        <translation>„{name}“ existiert bereits in {where}.</translation>
    </message>
    <message>
        <location filename="../build/clash_dialog.py" line="24"/>
        <source>Replace it with the new one, keep both (the new one is renamed), or skip it?</source>
        <translation>Durch das neue Element ersetzen, beide behalten (das neue wird umbenannt) oder überspringen?</translation>
    </message>
    <message>
        <location filename="../build/clash_dialog.py" line="26"/>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <location filename="../build/clash_dialog.py" line="27"/>
        <source>&amp;Keep Both</source>
        <translation>&amp;Beide behalten</translation>
    </message>
    <message>
        <location filename="../build/clash_dialog.py" line="28"/>
        <source>&amp;Skip</source>
        <translation>Ü&amp;berspringen</translation>
    </message>
    <message numerus="yes">
        <location filename="../build/clash_dialog.py" line="33"/>
        <source>Do the same for the other %n</source>
        <translation>
            <numerusform>Für %n weiteres Element ebenso verfahren</numerusform>
            <numerusform>Für %n weitere Elemente ebenso verfahren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../build/editor.py" line="40"/>
        <source>New folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <location filename="../build/editor.py" line="110"/>
        <source>New folder “{name}”</source>
        <translation>Neuer Ordner „{name}“</translation>
    </message>
    <message>
        <location filename="../build/editor.py" line="134"/>
        <location filename="../build/project_model.py" line="464"/>
        <source>“{name}” cannot be moved into itself.</source>
        <translation>„{name}“ kann nicht in sich selbst verschoben werden.</translation>
    </message>
    <message>
        <location filename="../build/editor.py" line="140"/>
        <location filename="../build/project_model.py" line="469"/>
        <source>“{name}” already exists in “{folder}”.</source>
        <translation>„{name}“ existiert bereits in „{folder}“.</translation>
    </message>
    <message>
        <location filename="../build/editor.py" line="258"/>
        <source>Replace {names}</source>
        <translation>{names} ersetzen</translation>
    </message>
    <message>
        <location filename="../build/editor.py" line="278"/>
        <source>label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="62"/>
        <location filename="../build/page.py" line="165"/>
        <source>Files on this computer</source>
        <translation>Dateien auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="75"/>
        <location filename="../build/file_browser.py" line="142"/>
        <source>&amp;Add to Project</source>
        <translation>Zum Projekt &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="78"/>
        <source>Add the selected files and folders to the folder selected in the project (Enter)</source>
        <translation>Die ausgewählten Dateien und Ordner dem im Projekt ausgewählten Ordner hinzufügen (Eingabetaste)</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="96"/>
        <source>Go to the parent folder (Alt+Up)</source>
        <translation>Zum übergeordneten Ordner wechseln (Alt+Pfeil nach oben)</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="97"/>
        <source>Parent folder</source>
        <translation>Übergeordneter Ordner</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="101"/>
        <source>Go to your home folder</source>
        <translation>Zu Ihrem persönlichen Ordner wechseln</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="102"/>
        <source>Home folder</source>
        <translation>Persönlicher Ordner</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="104"/>
        <source>Folder shown in the file browser</source>
        <translation>Im Dateibrowser angezeigter Ordner</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="105"/>
        <source>Type a folder and press Enter</source>
        <translation>Geben Sie einen Ordner ein und drücken Sie die Eingabetaste</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="143"/>
        <source>the root of the disc</source>
        <translation>dem obersten Ordner des Mediums</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="146"/>
        <source>&amp;Add to “{name}”</source>
        <translation>&amp;Hinzufügen zu „{name}“</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="147"/>
        <source>the project folder {path}</source>
        <translation>dem Projektordner {path}</translation>
    </message>
    <message>
        <location filename="../build/file_browser.py" line="149"/>
        <source>Add the selected files and folders to {where} (Enter)</source>
        <translation>Die ausgewählten Dateien und Ordner {where} hinzufügen (Eingabetaste)</translation>
    </message>
    <message>
        <location filename="../build/file_icons.py" line="62"/>
        <source>{suffix} file</source>
        <translation>{suffix}-Datei</translation>
    </message>
    <message>
        <location filename="../build/file_icons.py" line="62"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../build/file_icons.py" line="77"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../build/file_icons.py" line="79"/>
        <source>Link</source>
        <translation>Verknüpfung</translation>
    </message>
    <message>
        <location filename="../build/missing_sources.py" line="49"/>
        <source>The source folder “{source}” no longer exists.</source>
        <translation>Der Quellordner „{source}“ existiert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../build/missing_sources.py" line="50"/>
        <source>The source file “{source}” no longer exists.</source>
        <translation>Die Quelldatei „{source}“ existiert nicht mehr.</translation>
    </message>
    <message numerus="yes">
        <location filename="../build/missing_sources.py" line="58"/>
        <location filename="../build/page.py" line="533"/>
        <source>(and %n more)</source>
        <translation>
            <numerusform>(und %n weiterer Fehler)</numerusform>
            <numerusform>(und %n weitere Fehler)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../build/missing_sources.py" line="61"/>
        <source>Source files missing</source>
        <translation>Quelldateien fehlen</translation>
    </message>
    <message numerus="yes">
        <location filename="../build/missing_sources.py" line="63"/>
        <source>%n item(s) of the project no longer exist on disk:</source>
        <translation>
            <numerusform>%n Eintrag des Projekts existiert nicht mehr auf dem Datenträger:</numerusform>
            <numerusform>%n Einträge des Projekts existieren nicht mehr auf dem Datenträger:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../build/missing_sources.py" line="67"/>
        <source>The image cannot be built without them. Remove them from the project, or put them back and build again.</source>
        <translation>Ohne sie kann das Abbild nicht erstellt werden. Entfernen Sie sie aus dem Projekt oder stellen Sie sie wieder her und erstellen Sie das Abbild erneut.</translation>
    </message>
    <message>
        <location filename="../build/missing_sources.py" line="71"/>
        <source>Remove Missing Items</source>
        <translation>Fehlende Einträge entfernen</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="166"/>
        <location filename="../build/project_view.py" line="101"/>
        <source>Disc contents</source>
        <translation>Inhalt des Mediums</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="198"/>
        <source>Build Image…</source>
        <translation>Abbild erstellen…</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="200"/>
        <source>Build an ISO image of the project (Ctrl+B)</source>
        <translation>Ein ISO-Abbild des Projekts erstellen (Strg+B)</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="206"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="316"/>
        <source>Empty</source>
        <translation>Leer</translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="319"/>
        <source>{size} in %n top-level item</source>
        <translation>
            <numerusform>{size} in %n Element der obersten Ebene</numerusform>
            <numerusform>{size} in %n Elementen der obersten Ebene</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="321"/>
        <source>{size} in %n top-level items</source>
        <translation>
            <numerusform>{size} in %n Element der obersten Ebene</numerusform>
            <numerusform>{size} in %n Elementen der obersten Ebene</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="345"/>
        <source>%n name will be recorded differently</source>
        <translation>
            <numerusform>%n Name wird anders gespeichert</numerusform>
            <numerusform>%n Namen werden anders gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="347"/>
        <source>%n names will be recorded differently</source>
        <translation>
            <numerusform>%n Name wird anders gespeichert</numerusform>
            <numerusform>%n Namen werden anders gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="351"/>
        <source>%n item cannot be recorded</source>
        <translation>
            <numerusform>%n Element kann nicht gespeichert werden</numerusform>
            <numerusform>%n Elemente können nicht gespeichert werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="353"/>
        <source>%n items cannot be recorded</source>
        <translation>
            <numerusform>%n Element kann nicht gespeichert werden</numerusform>
            <numerusform>%n Elemente können nicht gespeichert werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="529"/>
        <source>%n item could not be added: {reason}</source>
        <translation>
            <numerusform>%n Element konnte nicht hinzugefügt werden: {reason}</numerusform>
            <numerusform>%n Elemente konnten nicht hinzugefügt werden: {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="531"/>
        <source>%n items could not be added: {reason}</source>
        <translation>
            <numerusform>%n Element konnte nicht hinzugefügt werden: {reason}</numerusform>
            <numerusform>%n Elemente konnten nicht hinzugefügt werden: {reason}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../build/page.py" line="360"/>
        <source>target medium</source>
        <translation>Zielmedium</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="425"/>
        <source>Add Files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="432"/>
        <source>Add Folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="512"/>
        <source>{added} of {found} items</source>
        <translation>{added} von {found} Elementen</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="514"/>
        <location filename="../build/page.py" line="570"/>
        <source>Adding files…</source>
        <translation>Dateien werden hinzugefügt…</translation>
    </message>
    <message>
        <location filename="../build/project_files.py" line="30"/>
        <source>Untitled project</source>
        <translation>Unbenanntes Projekt</translation>
    </message>
    <message>
        <location filename="../build/project_files.py" line="40"/>
        <source>Spindle projects ({pattern});;All files (*)</source>
        <translation>Spindle-Projekte ({pattern});;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../build/project_files.py" line="69"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../build/project_files.py" line="95"/>
        <source>Save the project?</source>
        <translation>Projekt speichern?</translation>
    </message>
    <message>
        <location filename="../build/project_files.py" line="96"/>
        <source>“{name}” has changes that are not saved.</source>
        <translation>„{name}“ hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../build/project_files.py" line="118"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../build/project_files.py" line="158"/>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <location filename="../build/project_files.py" line="199"/>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <location filename="../build/project_files.py" line="207"/>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location filename="../build/project_view.py" line="38"/>
        <source>Drag files and folders here
or use Add Files… / Add Folder…</source>
        <translation>Ziehen Sie Dateien und Ordner hierher
oder nutzen Sie „Dateien…“ / „Ordner…“ oben</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="51"/>
        <source>1: 8.3 names</source>
        <translation>1: 8.3-Namen</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="52"/>
        <source>2: 31 characters</source>
        <translation>2: 31 Zeichen</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="53"/>
        <source>3: 31 characters, 4 GiB+ files</source>
        <translation>3: 31 Zeichen, Dateien ab 4 GiB</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="60"/>
        <source>The disc&apos;s name, shown by file managers when the disc is inserted.
ISO 9660 records up to 32 characters (A to Z, 0 to 9, _); Joliet keeps {joliet} characters as typed and UDF {udf}; what each records is shown under the field.</source>
        <translation>Der Name des Mediums, den Dateimanager beim Einlegen anzeigen.
ISO 9660 speichert bis zu 32 Zeichen (A bis Z, 0 bis 9, _); Joliet behält {joliet} Zeichen wie eingegeben und UDF {udf}; was jedes davon speichert, steht unter dem Feld.</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="67"/>
        <source>Who publishes the disc (optional; stored in the volume descriptor).</source>
        <translation>Wer das Medium herausgibt (optional; im Volume-Deskriptor gespeichert).</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="69"/>
        <source>Who prepared the image (optional).</source>
        <translation>Wer das Abbild erstellt hat (optional).</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="72"/>
        <source>ISO 9660 is the base file system every system can read.
Its names are short and upper-case; the level sets how short and whether files of 4 GiB and more are allowed (level 3).</source>
        <translation>ISO 9660 ist das Grund-Dateisystem, das jedes System lesen kann.
Seine Namen sind kurz und in Großbuchstaben; die Stufe legt fest, wie kurz, und ob Dateien ab 4 GiB erlaubt sind (Stufe 3).</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="79"/>
        <source>Long Unicode names (up to 64 characters) for Windows and most other systems.
Recommended.</source>
        <translation>Lange Unicode-Namen (bis zu 64 Zeichen) für Windows und die meisten anderen Systeme.
Empfohlen.</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="85"/>
        <source>POSIX names, permissions, times and links for Linux, macOS and BSD.
Recommended.</source>
        <translation>POSIX-Namen, Berechtigungen, Zeiten und Verknüpfungen für Linux, macOS und BSD.
Empfohlen.</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="90"/>
        <source>ISO 9660 allows 8 folder levels. With Rock Ridge, deeper folders are moved to RR_MOVED in the ISO 9660 tree and appear in place on Linux and macOS.</source>
        <translation>ISO 9660 erlaubt 8 Ordnerebenen. Mit Rock Ridge werden tiefere Ordner im ISO-9660-Baum nach RR_MOVED verschoben und erscheinen unter Linux und macOS an ihrem Platz.</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="96"/>
        <source>UDF 2.60, the file system of DVD-Video and Blu-ray discs; needed for some players.
Not combinable with a hybrid (USB) layout.</source>
        <translation>UDF 2.60, das Dateisystem von DVD-Video und Blu-ray; für manche Player nötig.
Nicht mit einem Hybrid-Layout (USB) kombinierbar.</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="102"/>
        <source>A no-emulation x86 boot image (for example isolinux.bin) to make the disc boot on PCs with a BIOS (El Torito).</source>
        <translation>Ein x86-Startabbild ohne Emulation (zum Beispiel isolinux.bin), damit das Medium auf PCs mit BIOS startet (El Torito).</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="107"/>
        <source>A FAT image with the UEFI boot loader (EFI/BOOT/BOOTX64.EFI) for UEFI PCs.</source>
        <translation>Ein FAT-Abbild mit dem UEFI-Bootloader (EFI/BOOT/BOOTX64.EFI) für UEFI-PCs.</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="111"/>
        <source>Add a partition table so the same image also boots when written to a USB stick.</source>
        <translation>Eine Partitionstabelle hinzufügen, damit dasselbe Abbild auch startet, wenn es auf einen USB-Stick geschrieben wird.</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="116"/>
        <source>Boot records taken over from the image this project was opened from (Edit as project): its El Torito entries and its system area (MBR). They are rebuilt for the new image; remove one to leave it out.</source>
        <translation>Starteinträge, übernommen aus dem Abbild, aus dem dieses Projekt geöffnet wurde („Als Projekt bearbeiten“): seine El-Torito-Einträge und sein Systembereich (MBR). Sie werden für das neue Abbild neu erzeugt; entfernen Sie einen, um ihn wegzulassen.</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="123"/>
        <source>The 432-byte isohybrid MBR code (syslinux&apos;s isohdpfx.bin), needed for BIOS booting from USB.</source>
        <translation>Der 432 Byte große isohybrid-MBR-Code (isohdpfx.bin von syslinux), nötig für den BIOS-Start von USB.</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="138"/>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="164"/>
        <source>This file does not exist.</source>
        <translation>Diese Datei existiert nicht.</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="210"/>
        <source>Joliet (Windows names)</source>
        <translation>Joliet (Windows-Namen)</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="211"/>
        <source>Rock Ridge (Linux, macOS)</source>
        <translation>Rock Ridge (Linux, macOS)</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="212"/>
        <location filename="../build/properties_panel.py" line="240"/>
        <source>Relocate deep folders</source>
        <translation>Tiefe Ordner verlagern</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="214"/>
        <location filename="../build/properties_panel.py" line="242"/>
        <location filename="../build/properties_panel.py" line="327"/>
        <source>BIOS boot image</source>
        <translation>BIOS-Startabbild</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="214"/>
        <source>Choose the BIOS boot image</source>
        <translation>BIOS-Startabbild wählen</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="215"/>
        <location filename="../build/properties_panel.py" line="243"/>
        <location filename="../build/properties_panel.py" line="328"/>
        <source>UEFI boot image</source>
        <translation>UEFI-Startabbild</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="215"/>
        <source>Choose the UEFI boot image (FAT)</source>
        <translation>UEFI-Startabbild (FAT) wählen</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="216"/>
        <source>Hybrid (boots from USB too)</source>
        <translation>Hybrid (startet auch von USB)</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="217"/>
        <location filename="../build/properties_panel.py" line="245"/>
        <source>Hybrid MBR</source>
        <translation>Hybrid-MBR</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="217"/>
        <source>Choose the isohybrid MBR (isohdpfx.bin)</source>
        <translation>isohybrid-MBR (isohdpfx.bin) wählen</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="222"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="223"/>
        <source>Leave the selected boot records out of the new image</source>
        <translation>Die ausgewählten Starteinträge im neuen Abbild weglassen</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="225"/>
        <source>Reset to &amp;Defaults</source>
        <translation>Auf &amp;Standard zurücksetzen</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="227"/>
        <source>ISO 9660 level 3 with Joliet and Rock Ridge, no UDF, no boot image</source>
        <translation>ISO 9660 Stufe 3 mit Joliet und Rock Ridge, kein UDF, kein Startabbild</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="234"/>
        <source>Volume label</source>
        <translation>Volume-Bezeichnung</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="235"/>
        <source>Publisher</source>
        <translation>Herausgeber</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="236"/>
        <source>Prepared by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="237"/>
        <location filename="../build/properties_panel.py" line="319"/>
        <source>ISO 9660 level</source>
        <translation>ISO-9660-Stufe</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="244"/>
        <source>Hybrid USB layout</source>
        <translation>Hybrid-USB-Layout</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="246"/>
        <source>Boot records kept from the image</source>
        <translation>Aus dem Abbild übernommene Starteinträge</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="265"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="267"/>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="269"/>
        <source>&amp;Publisher:</source>
        <translation>&amp;Herausgeber:</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="270"/>
        <source>Prepared &amp;by:</source>
        <translation>Erstellt &amp;von:</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="273"/>
        <source>File systems</source>
        <translation>Dateisysteme</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="275"/>
        <source>ISO 9660 le&amp;vel:</source>
        <translation>ISO-9660-S&amp;tufe:</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="286"/>
        <source>Boot</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="288"/>
        <source>B&amp;IOS image:</source>
        <translation>B&amp;IOS-Abbild:</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="289"/>
        <source>&amp;UEFI image:</source>
        <translation>&amp;UEFI-Abbild:</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="291"/>
        <source>Hybrid &amp;MBR:</source>
        <translation>Hybrid-&amp;MBR:</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="294"/>
        <source>&amp;Kept from the image:</source>
        <translation>Aus dem Abbild ü&amp;bernommen:</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="310"/>
        <source>volume label</source>
        <translation>Volume-Bezeichnung</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="313"/>
        <source>publisher</source>
        <translation>Herausgeber</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="316"/>
        <source>preparer</source>
        <translation>Ersteller</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="321"/>
        <source>Joliet</source>
        <translation>Joliet</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="322"/>
        <source>Rock Ridge</source>
        <translation>Rock Ridge</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="324"/>
        <source>folder relocation</source>
        <translation>Ordnerverlagerung</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="326"/>
        <source>UDF</source>
        <translation>UDF</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="329"/>
        <source>hybrid layout</source>
        <translation>Hybrid-Layout</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="330"/>
        <source>hybrid MBR</source>
        <translation>Hybrid-MBR</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="368"/>
        <source>kept boot records</source>
        <translation>Übernommene Starteinträge</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="377"/>
        <source>El Torito: {label}, boot info table</source>
        <translation>El Torito: {label}, Boot-Info-Tabelle</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="379"/>
        <source>El Torito: {label}</source>
        <translation>El Torito: {label}</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="383"/>
        <source>System area (MBR boot code and partition table)</source>
        <translation>Systembereich (MBR-Startcode und Partitionstabelle)</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="398"/>
        <source>options to the defaults</source>
        <translation>Optionen auf Standardwerte</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="450"/>
        <source>Linux and macOS</source>
        <translation>Linux und macOS</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="452"/>
        <source>players that need UDF</source>
        <translation>Player, die UDF brauchen</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="454"/>
        <source>Only short upper-case ISO 9660 names will be recorded.</source>
        <translation>Es werden nur kurze ISO-9660-Namen in Großbuchstaben gespeichert.</translation>
    </message>
    <message>
        <location filename="../build/properties_panel.py" line="455"/>
        <source>Long names for {readers}.</source>
        <translation>Lange Namen für {readers}.</translation>
    </message>
    <message>
        <location filename="../common/protect_text.py" line="26"/>
        <source>{percent} % redundancy ({added}): any {run} unreadable sectors in a row ({run_size}) or any {scattered} scattered ones can be rebuilt when the disc is read.</source>
        <translation>{percent} % Redundanz ({added}): Beliebige {run} aufeinanderfolgende unlesbare Sektoren ({run_size}) oder beliebige {scattered} verstreute lassen sich beim Lesen des Mediums wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../build/protect_option.py" line="30"/>
        <source>Error-correction data added (dvdisaster RS02, {percent} %): the image is now {size}; Check and Repair on the Image page use it.</source>
        <translation>Fehlerkorrekturdaten hinzugefügt (dvdisaster RS02, {percent} %): Das Abbild ist jetzt {size} groß; „Prüfen“ und „Reparieren“ auf der Seite „Abbild“ verwenden sie.</translation>
    </message>
    <message>
        <location filename="../build/protect_option.py" line="54"/>
        <source>Add &amp;error-correction data</source>
        <translation>&amp;Fehlerkorrekturdaten hinzufügen</translation>
    </message>
    <message>
        <location filename="../build/protect_option.py" line="58"/>
        <source>Append dvdisaster RS02 error-correction data to the built image, in the medium&apos;s free space: a damaged disc can then be repaired after reading it</source>
        <translation>Dem erstellten Abbild dvdisaster-RS02-Fehlerkorrekturdaten im freien Platz des Mediums anfügen: Ein beschädigtes Medium lässt sich dann nach dem Lesen reparieren</translation>
    </message>
    <message>
        <location filename="../build/protect_option.py" line="101"/>
        <source>Add files to see what error-correction data would fit.</source>
        <translation>Fügen Sie Dateien hinzu, um zu sehen, welche Fehlerkorrekturdaten Platz hätten.</translation>
    </message>
    <message>
        <location filename="../build/protect_option.py" line="110"/>
        <source>Not available: the image leaves too little room on a {medium} for error-correction data (RS02 needs at least 3.2 % of the image).</source>
        <translation>Nicht verfügbar: Das Abbild lässt auf einem Medium „{medium}“ zu wenig Platz für Fehlerkorrekturdaten (RS02 braucht mindestens 3,2 % des Abbilds).</translation>
    </message>
</context>
</TS>
