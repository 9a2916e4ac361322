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
        <location filename="../read/page.py" line="66"/>
        <source>Maximum</source>
        <translation>Maximal</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="75"/>
        <source>Automatic (ISO, or BIN/CUE for audio and multi-track CDs)</source>
        <translation>Automatisch (ISO, oder BIN/CUE für Audio- und Mehrspur-CDs)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="78"/>
        <source>ISO image</source>
        <translation>ISO-Abbild</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="79"/>
        <source>BIN/CUE (raw CD sectors)</source>
        <translation>BIN/CUE (rohe CD-Sektoren)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="85"/>
        <source>No optical drive found — connect one, or read from an image file instead.</source>
        <translation>Kein optisches Laufwerk gefunden – schließen Sie eines an oder lesen Sie stattdessen aus einer Abbilddatei.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="89"/>
        <source>Connect a CD, DVD or Blu-ray drive and press “Refresh”, or choose “From an image file” to read an image file instead.</source>
        <translation>Schließen Sie ein CD-, DVD- oder Blu-ray-Laufwerk an und drücken Sie „Aktualisieren“, oder wählen Sie „Aus einer Abbilddatei“, um stattdessen eine Abbilddatei zu lesen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="93"/>
        <source>Not checked yet — press “Check disc” to see what the drive holds.</source>
        <translation>Noch nicht geprüft – drücken Sie „Medium prüfen“, um zu sehen, was im Laufwerk liegt.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="96"/>
        <source>Reads every sector into the image file. Unreadable sectors are retried at a slow speed and recorded in a map file, so a later read can resume or retry just those.</source>
        <translation>Liest jeden Sektor in die Abbilddatei. Unlesbare Sektoren werden langsam erneut versucht und in einer Map-Datei festgehalten, sodass ein späterer Lesevorgang fortsetzen oder nur diese erneut versuchen kann.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="100"/>
        <source>Wait for the running job to end.</source>
        <translation>Warten Sie, bis der laufende Auftrag beendet ist.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="164"/>
        <source>From a drive</source>
        <translation>Von einem Laufwerk</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="166"/>
        <source>From an image file</source>
        <translation>Aus einer Abbilddatei</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="167"/>
        <source>Copy or convert an existing image file instead</source>
        <translation>Stattdessen eine vorhandene Abbilddatei kopieren oder umwandeln</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="174"/>
        <source>The optical drive to read</source>
        <translation>Das optische Laufwerk, von dem gelesen wird</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="175"/>
        <source>No optical drive</source>
        <translation>Kein Laufwerk</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="177"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="178"/>
        <location filename="../read/page.py" line="474"/>
        <source>Look for optical drives again</source>
        <translation>Erneut nach optischen Laufwerken suchen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="180"/>
        <location filename="../write/page.py" line="194"/>
        <source>Check disc</source>
        <translation>Medium prüfen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="188"/>
        <source>The image file to read, e.g. ~/disc.iso</source>
        <translation>Die zu lesende Abbilddatei, z. B. ~/disc.iso</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="190"/>
        <location filename="../read/page.py" line="241"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="205"/>
        <source>Read from</source>
        <translation>Lesen von</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="239"/>
        <source>Where the image goes, e.g. ~/disc.iso</source>
        <translation>Wohin das Abbild kommt, z. B. ~/disc.iso</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="244"/>
        <source>Image file:</source>
        <translation>Abbilddatei:</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="247"/>
        <location filename="../read/page.py" line="381"/>
        <source>Read disc to image</source>
        <translation>Medium als Abbild einlesen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="261"/>
        <location filename="../write/page.py" line="232"/>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="265"/>
        <source>Retries, skip-ahead, speed, map file, verify, format</source>
        <translation>Wiederholungen, Überspringen, Geschwindigkeit, Map-Datei, Überprüfen, Format</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="269"/>
        <source>Copy to a blank disc…</source>
        <translation>Auf einen Rohling kopieren…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="272"/>
        <source>Read to</source>
        <translation>Lesen nach</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="298"/>
        <source>Passes over the unreadable sectors, at a slow speed</source>
        <translation>Durchgänge über die unlesbaren Sektoren, mit niedriger Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="299"/>
        <source>Skip past runs of errors first (badly scratched discs)</source>
        <translation>Fehlerbereiche erst überspringen (zerkratzte Medien)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="305"/>
        <source>Next to the image (IMAGE.map)</source>
        <translation>Neben dem Abbild (ABBILD.map)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="306"/>
        <source>Resume from the map (or retry its unreadable sectors)</source>
        <translation>Mit Map-Datei fortsetzen (oder Unlesbares neu lesen)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="307"/>
        <source>Read the disc again and compare when done</source>
        <translation>Danach erneut lesen und vergleichen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="312"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="313"/>
        <source>Read speed:</source>
        <translation>Lesegeschwindigkeit:</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="314"/>
        <source>Retries:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="315"/>
        <source>Map file:</source>
        <translation>Map-Datei:</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="321"/>
        <location filename="../write/page.py" line="248"/>
        <location filename="../image/convert_view.py" line="170"/>
        <location filename="../image/repair_bar.py" line="53"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="323"/>
        <location filename="../read/page.py" line="477"/>
        <source>Nothing is running</source>
        <translation>Es läuft nichts</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="325"/>
        <source>Compare disc with image</source>
        <translation>Medium mit Abbild vergleichen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="327"/>
        <location filename="../read/page.py" line="759"/>
        <source>Repair with error-correction data</source>
        <translation>Mit Fehlerkorrekturdaten reparieren</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="330"/>
        <source>Rebuild the unreadable sectors from the image&apos;s dvdisaster .ecc file</source>
        <translation>Die unlesbaren Sektoren aus der dvdisaster-.ecc-Datei des Abbilds wiederherstellen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="353"/>
        <source>read</source>
        <comment>sector map legend</comment>
        <translation>gelesen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="354"/>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="355"/>
        <source>failed, being split</source>
        <translation>fehlgeschlagen, wird aufgeteilt</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="356"/>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="363"/>
        <source>The result of the read shows here.</source>
        <translation>Hier erscheint das Ergebnis des Lesevorgangs.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="381"/>
        <source>Copy image file</source>
        <translation>Abbilddatei kopieren</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="403"/>
        <source>No optical drive found</source>
        <translation>Kein optisches Laufwerk gefunden</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="423"/>
        <location filename="../read/page.py" line="534"/>
        <source>Choose the image file to read first.</source>
        <translation>Wählen Sie zuerst die zu lesende Abbilddatei.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="425"/>
        <source>Choose where the image goes first.</source>
        <translation>Wählen Sie zuerst, wohin das Abbild kommt.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="439"/>
        <source>Copying is from a disc: choose “From a drive”.</source>
        <translation>Kopiert wird von einem Medium: Wählen Sie „Von einem Laufwerk“.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="451"/>
        <location filename="../read/page.py" line="698"/>
        <source>Choose an existing image file to compare the disc with.</source>
        <translation>Wählen Sie eine vorhandene Abbilddatei, mit der das Medium verglichen wird.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="458"/>
        <source>Look at the disc without reading it</source>
        <translation>Das Medium ansehen, ohne es zu lesen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="462"/>
        <source>Read the disc again and compare it with the image file</source>
        <translation>Das Medium erneut lesen und mit der Abbilddatei vergleichen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="467"/>
        <source>Read this disc and burn it onto a blank disc, then verify the copy</source>
        <translation>Dieses Medium lesen, auf einen Rohling brennen und dann die Kopie überprüfen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="477"/>
        <source>Stop the read</source>
        <translation>Lesevorgang anhalten</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="503"/>
        <source>No optical drive found — connect one, or read from an image file.</source>
        <translation>Kein optisches Laufwerk gefunden – schließen Sie eines an oder lesen Sie aus einer Abbilddatei.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="505"/>
        <source>Found {count} optical drive.</source>
        <translation>{count} optisches Laufwerk gefunden.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="507"/>
        <source>Found {count} optical drives.</source>
        <translation>{count} optische Laufwerke gefunden.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="516"/>
        <source>Read the image file</source>
        <translation>Abbilddatei lesen</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="518"/>
        <location filename="../read/page.py" line="525"/>
        <source>Disc images (*.iso *.bin)</source>
        <translation>Abbilder (*.iso *.bin)</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="525"/>
        <source>Save the image as</source>
        <translation>Abbild speichern unter</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="546"/>
        <source>Choose where the image goes.</source>
        <translation>Wählen Sie, wohin das Abbild kommt.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="572"/>
        <location filename="../write/page.py" line="459"/>
        <source>Checking the disc in {device}…</source>
        <translation>Medium in {device} wird geprüft…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="595"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="605"/>
        <location filename="../image/repair_bar.py" line="116"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="633"/>
        <source>Cannot make the folder for the temporary image, {folder}: {error}</source>
        <translation>Der Ordner für das temporäre Abbild, {folder}, kann nicht angelegt werden: {error}</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="658"/>
        <source>Copying the disc in {source} to {target}…</source>
        <translation>Medium in {source} wird nach {target} kopiert…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="675"/>
        <source>Copied and verified: the {medium} in {device}.</source>
        <translation>Kopiert und überprüft: {medium} in {device}.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="677"/>
        <source>Copied: the {medium} in {device}.</source>
        <translation>Kopiert: {medium} in {device}.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="680"/>
        <source>The image is kept as {image}.</source>
        <translation>Das Abbild bleibt als {image} erhalten.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="685"/>
        <source>The copy failed.</source>
        <translation>Das Kopieren ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="708"/>
        <source>Comparing {device} with {image}…</source>
        <translation>{device} wird mit {image} verglichen…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="723"/>
        <source>Repairing {image} with {ecc}…</source>
        <translation>{image} wird mit {ecc} repariert…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="725"/>
        <source>Repairing {image} with its own error-correction data…</source>
        <translation>{image} wird mit seinen eigenen Fehlerkorrekturdaten repariert…</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="745"/>
        <source>Repair with {ecc}</source>
        <translation>Mit {ecc} reparieren</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="752"/>
        <source>Error-correction data found: “Repair with {ecc}” can rebuild them.</source>
        <translation>Fehlerkorrekturdaten gefunden: „Mit {ecc} reparieren“ kann sie wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="766"/>
        <source>The image carries its own error-correction data (dvdisaster RS02): “Repair with error-correction data” can rebuild them.</source>
        <translation>Das Abbild enthält eigene Fehlerkorrekturdaten (dvdisaster RS02): „Mit Fehlerkorrekturdaten reparieren“ kann sie wiederherstellen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../read/page.py" line="780"/>
        <location filename="../image/repair_bar.py" line="134"/>
        <source>Repaired: all %n damaged sectors were rebuilt.</source>
        <translation>
            <numerusform>Repariert: %n beschädigter Sektor wurde wiederhergestellt.</numerusform>
            <numerusform>Repariert: Alle %n beschädigten Sektoren wurden wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../read/page.py" line="782"/>
        <source>Repaired {repaired} sectors; %n could not be rebuilt.</source>
        <translation>
            <numerusform>{repaired} Sektoren repariert; %n ließ sich nicht wiederherstellen.</numerusform>
            <numerusform>{repaired} Sektoren repariert; %n ließen sich nicht wiederherstellen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../read/page.py" line="792"/>
        <source>The repair failed.</source>
        <translation>Die Reparatur ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="844"/>
        <source>Checked: {disc}.</source>
        <translation>Geprüft: {disc}.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="846"/>
        <source>The check failed.</source>
        <translation>Die Prüfung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="857"/>
        <source>The disc and the image are identical.</source>
        <translation>Medium und Abbild sind identisch.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="878"/>
        <source>Done: every sector was read.</source>
        <translation>Fertig: Jeder Sektor wurde gelesen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="880"/>
        <source>Done: {count} unreadable sector.</source>
        <translation>Fertig: {count} unlesbarer Sektor.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="882"/>
        <source>Done: {count} unreadable sectors.</source>
        <translation>Fertig: {count} unlesbare Sektoren.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="890"/>
        <source>Cancelled. Tick “Resume” and press Start to continue where it stopped.</source>
        <translation>Abgebrochen. Kreuzen Sie „Mit Map-Datei fortsetzen“ an und starten Sie erneut, um an der Abbruchstelle weiterzumachen.</translation>
    </message>
    <message>
        <location filename="../read/page.py" line="894"/>
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
        <location filename="../write/page.py" line="77"/>
        <source>Disc images ({patterns});;All files (*)</source>
        <translation>Abbilder ({patterns});;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="84"/>
        <source>Drive&apos;s choice</source>
        <translation>Wahl des Laufwerks</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="85"/>
        <source>Next disc</source>
        <translation>Nächstes Medium</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="86"/>
        <location filename="../write/targets.py" line="27"/>
        <source>No optical drive or USB stick found</source>
        <translation>Kein optisches Laufwerk und kein USB-Stick gefunden</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="89"/>
        <source>Connect a CD, DVD or Blu-ray drive to burn discs, or plug in a USB stick or SD card to write the image to it: it is listed here as soon as it is connected.</source>
        <translation>Schließen Sie ein CD-, DVD- oder Blu-ray-Laufwerk an, um Medien zu brennen, oder stecken Sie einen USB-Stick oder eine SD-Karte ein, um das Abbild darauf zu schreiben: Es erscheint hier, sobald es angeschlossen ist.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="93"/>
        <source>A job is running on this page: wait for it to end or cancel it.</source>
        <translation>Auf dieser Seite läuft ein Auftrag: Warten Sie, bis er endet, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="94"/>
        <source>Nothing is running.</source>
        <translation>Es läuft nichts.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="95"/>
        <source>No optical drive is chosen: connect one.</source>
        <translation>Kein optisches Laufwerk gewählt: Schließen Sie eines an.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="96"/>
        <source>Check the disc in the drive first (Check disc).</source>
        <translation>Prüfen Sie zuerst das Medium im Laufwerk („Medium prüfen“).</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="97"/>
        <source>The speeds are listed once the disc in the drive is checked.</source>
        <translation>Die Geschwindigkeiten erscheinen, sobald das Medium im Laufwerk geprüft ist.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="100"/>
        <source>Check a disc first: whether a test write is possible depends on the disc and the drive.</source>
        <translation>Prüfen Sie zuerst ein Medium: Ob ein Testschreiben möglich ist, hängt von Medium und Laufwerk ab.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="121"/>
        <source>Simulated and verified: {medium} in {device}.</source>
        <translation>Simuliert und überprüft: {medium} in {device}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="123"/>
        <source>Simulated: {medium} in {device}.</source>
        <translation>Simuliert: {medium} in {device}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="126"/>
        <source>Burned and verified: {medium} in {device}.</source>
        <translation>Gebrannt und überprüft: {medium} in {device}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="128"/>
        <source>Burned: {medium} in {device}.</source>
        <translation>Gebrannt: {medium} in {device}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="190"/>
        <source>Drop an .iso here or choose one</source>
        <translation>Ziehen Sie eine .iso hierher oder wählen Sie eine</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="197"/>
        <source>No disc checked yet.</source>
        <translation>Noch kein Medium geprüft.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="203"/>
        <source>Burn the data track anyway (the rest is not kept)</source>
        <translation>Datenspur trotzdem brennen (der Rest bleibt nicht erhalten)</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="211"/>
        <source>Simulate (laser off)</source>
        <translation>Simulieren (Laser aus)</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="213"/>
        <source>Verify the disc after burning</source>
        <translation>Medium nach dem Brennen überprüfen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="215"/>
        <source>Eject when done</source>
        <translation>Danach auswerfen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="221"/>
        <source>Also offer fixed (built-in) disks</source>
        <translation>Auch feste (eingebaute) Datenträger anbieten</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="225"/>
        <source>Everything on the disk you choose is erased; the disk this system runs from is never offered.</source>
        <translation>Alles auf dem gewählten Datenträger wird gelöscht; der Datenträger, von dem dieses System läuft, wird nie angeboten.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="242"/>
        <source>Burn</source>
        <translation>Brennen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="243"/>
        <location filename="../write/page.py" line="546"/>
        <source>Choose an image to burn first.</source>
        <translation>Wählen Sie zuerst ein Abbild zum Brennen.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="245"/>
        <location filename="../image/page.py" line="152"/>
        <source>Write to USB…</source>
        <translation>Auf USB schreiben…</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="246"/>
        <location filename="../write/page.py" line="754"/>
        <source>Plug in a USB stick or SD card.</source>
        <translation>Stecken Sie einen USB-Stick oder eine SD-Karte ein.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="251"/>
        <source>Erase Disc…</source>
        <translation>Medium löschen…</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="274"/>
        <source>Disc</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="277"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="277"/>
        <source>Copies</source>
        <translation>Kopien</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="286"/>
        <location filename="../write/usb.py" line="118"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="296"/>
        <location filename="../image/convert_view.py" line="155"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="305"/>
        <source>Image</source>
        <translation>Abbild</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="306"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="415"/>
        <source>Read the disc again</source>
        <translation>Das Medium erneut lesen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="427"/>
        <source>Choose an image to burn</source>
        <translation>Abbild zum Brennen wählen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="455"/>
        <source>No drive.</source>
        <translation>Kein Laufwerk.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="458"/>
        <source>The disc is being checked.</source>
        <translation>Das Medium wird geprüft.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="485"/>
        <source>The disc check failed.</source>
        <translation>Die Prüfung des Mediums ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="494"/>
        <source>{medium}, {state}: {free} writable</source>
        <translation>{medium}, {state}: {free} beschreibbar</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="508"/>
        <source>The drive offers no speed choice for this {medium}: it picks one itself.</source>
        <translation>Das Laufwerk bietet für dieses {medium} keine Geschwindigkeitsauswahl: Es wählt selbst eine.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="511"/>
        <source>The speed to burn at</source>
        <translation>Die Brenngeschwindigkeit</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="525"/>
        <source>A USB stick is the target.</source>
        <translation>Ziel ist ein USB-Stick.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="531"/>
        <source>Burn the image onto the disc</source>
        <translation>Das Abbild auf das Medium brennen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="545"/>
        <location filename="../write/page.py" line="761"/>
        <source>Choose an image.</source>
        <translation>Wählen Sie ein Abbild.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="555"/>
        <source>Burns data track {track} only; not kept: {losses}.</source>
        <translation>Brennt nur Datenspur {track}; nicht erhalten bleibt: {losses}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="560"/>
        <source>Image: {size}.</source>
        <translation>Abbild: {size}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="571"/>
        <source>The image ({size}) fits: {free} will stay free.</source>
        <translation>Das Abbild ({size}) passt: {free} bleiben frei.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="578"/>
        <source>Tick “Burn the data track anyway” first: the rest of this image is not kept.</source>
        <translation>Kreuzen Sie zuerst „Datenspur trotzdem brennen“ an: Der Rest dieses Abbilds bleibt nicht erhalten.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="649"/>
        <source>Stop burning?</source>
        <translation>Brennen abbrechen?</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="652"/>
        <source>A write-once disc that was partly written cannot be used again: it is lost.</source>
        <translation>Ein einmal beschreibbares Medium, das teilweise beschrieben wurde, ist nicht mehr verwendbar: Es ist verloren.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="656"/>
        <source>Cancel burning</source>
        <translation>Brennen abbrechen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="675"/>
        <source>drive buffer {percent}%</source>
        <translation>Laufwerkspuffer {percent} %</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="682"/>
        <source>Stop the running job</source>
        <translation>Den laufenden Auftrag anhalten</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="684"/>
        <source>Preparing</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="617"/>
        <location filename="../write/page.py" line="709"/>
        <source>The burn failed.</source>
        <translation>Das Brennen ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="721"/>
        <source>the drive</source>
        <translation>das Laufwerk</translation>
    </message>
    <message numerus="yes">
        <location filename="../write/page.py" line="726"/>
        <source>Insert the next blank disc into {drive} (%n more to burn), then press OK.</source>
        <translation>
            <numerusform>Legen Sie den nächsten Rohling in {drive} ein (noch %n zu brennen) und drücken Sie dann OK.</numerusform>
            <numerusform>Legen Sie den nächsten Rohling in {drive} ein (noch %n zu brennen) und drücken Sie dann OK.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../write/page.py" line="762"/>
        <source>Choose an image to write first.</source>
        <translation>Wählen Sie zuerst ein Abbild zum Schreiben.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="782"/>
        <source>Erase {disk} and write the image to it (asks first)</source>
        <translation>{disk} löschen und das Abbild darauf schreiben (fragt vorher)</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="806"/>
        <source>Nothing was written.</source>
        <translation>Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="840"/>
        <source>Stop writing</source>
        <translation>Schreiben abbrechen</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="842"/>
        <source>Stop writing to the stick? It will be incomplete and will not work until an image is written to it again.</source>
        <translation>Schreiben auf den Stick abbrechen? Er bleibt unvollständig und funktioniert erst wieder, wenn erneut ein Abbild darauf geschrieben wird.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="878"/>
        <source>Only rewritable discs ({erasable}) can be erased.</source>
        <translation>Nur wiederbeschreibbare Medien ({erasable}) lassen sich löschen.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="883"/>
        <source>The {medium} cannot be erased: only {erasable} discs can.</source>
        <translation>{medium} lässt sich nicht löschen: Das geht nur mit {erasable}.</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="888"/>
        <source>Erase the rewritable disc (asks first)</source>
        <translation>Das wiederbeschreibbare Medium löschen (fragt vorher)</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="916"/>
        <source>Erased fully: the {medium} in {device}</source>
        <translation>Vollständig gelöscht: {medium} in {device}</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="918"/>
        <source>Erased quickly: the {medium} in {device}</source>
        <translation>Schnell gelöscht: {medium} in {device}</translation>
    </message>
    <message>
        <location filename="../write/page.py" line="922"/>
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
        <location filename="../write/usb.py" line="209"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="63"/>
        <source>CD images (*.cue *.bin *.nrg *.mds *.mdf *.ccd *.img *.cdi *.chd);;All files (*)</source>
        <translation>CD-Abbilder (*.cue *.bin *.nrg *.mds *.mdf *.ccd *.img *.cdi *.chd);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="116"/>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="116"/>
        <source>Track</source>
        <translation>Spur</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="116"/>
        <location filename="../image/page.py" line="193"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="116"/>
        <source>Sector size</source>
        <translation>Sektorgröße</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="116"/>
        <source>Sectors</source>
        <translation>Sektoren</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="116"/>
        <location filename="../image/page.py" line="193"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="131"/>
        <source>Convert anyway: I accept that these are not kept</source>
        <translation>Trotzdem umwandeln: Ich nehme in Kauf, dass dies nicht erhalten bleibt</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="161"/>
        <source>Convert to:</source>
        <translation>Umwandeln in:</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="162"/>
        <source>Tracks:</source>
        <translation>Spuren:</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="163"/>
        <source>Output:</source>
        <translation>Ausgabe:</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="167"/>
        <source>Convert</source>
        <translation>Umwandeln</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="189"/>
        <source>Reading {name}…</source>
        <translation>{name} wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../image/convert_view.py" line="214"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../image/convert_view.py" line="216"/>
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n Spur</numerusform>
            <numerusform>%n Spuren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="238"/>
        <source>Default (every track the target can hold)</source>
        <translation>Standard (jede Spur, die das Ziel aufnehmen kann)</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="240"/>
        <source>Track {number} ({mode})</source>
        <translation>Spur {number} ({mode})</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="281"/>
        <source>Not possible: {reason}</source>
        <translation>Nicht möglich: {reason}</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="288"/>
        <source>Converts track {numbers} to {target}.</source>
        <translation>Wandelt Spur {numbers} in {target} um.</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="293"/>
        <source>Nothing is lost.</source>
        <translation>Es geht nichts verloren.</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="295"/>
        <source>Not kept: {loss}</source>
        <translation>Nicht erhalten: {loss}</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="303"/>
        <source>Convert to</source>
        <translation>Umwandeln in</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="333"/>
        <source>Converting to {output}…</source>
        <translation>Wird in {output} umgewandelt…</translation>
    </message>
    <message>
        <location filename="../image/convert_view.py" line="371"/>
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
    <message numerus="yes">
        <location filename="../image/page.py" line="402"/>
        <source>%n items</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
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
</context>
</TS>
