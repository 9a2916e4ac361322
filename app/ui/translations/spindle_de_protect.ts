<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../build/protect_option.py" line="40"/>
        <source>{percent} % redundancy ({added}): any {run} unreadable sectors in a row ({run_size}) or any {scattered} scattered ones can be rebuilt when the disc is read.</source>
        <translation>{percent} % Redundanz ({added}): Beliebige {run} aufeinanderfolgende unlesbare Sektoren ({run_size}) oder beliebige {scattered} verstreute lassen sich beim Lesen des Mediums wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../build/protect_option.py" line="54"/>
        <source>Error-correction data added (dvdisaster RS02, {percent} %): the image is now {size}; Check and Repair on the Image page use it.</source>
        <translation>Fehlerkorrekturdaten hinzugefügt (dvdisaster RS02, {percent} %): Das Abbild ist jetzt {size} groß; „Prüfen“ und „Reparieren“ auf der Seite „Abbild“ verwenden sie.</translation>
    </message>
    <message>
        <location filename="../build/protect_option.py" line="64"/>
        <source>Adding error-correction data to {name}…</source>
        <translation>Fehlerkorrekturdaten werden zu {name} hinzugefügt…</translation>
    </message>
    <message>
        <location filename="../build/protect_option.py" line="78"/>
        <source>Add &amp;error-correction data</source>
        <translation>&amp;Fehlerkorrekturdaten hinzufügen</translation>
    </message>
    <message>
        <location filename="../build/protect_option.py" line="82"/>
        <source>Append dvdisaster RS02 error-correction data to the built image, in the medium&apos;s free space: a damaged disc can then be repaired after reading it</source>
        <translation>Dem erstellten Abbild dvdisaster-RS02-Fehlerkorrekturdaten im freien Platz des Mediums anfügen: Ein beschädigtes Medium lässt sich dann nach dem Lesen reparieren</translation>
    </message>
    <message>
        <location filename="../build/protect_option.py" line="125"/>
        <source>Add files to see what error-correction data would fit.</source>
        <translation>Fügen Sie Dateien hinzu, um zu sehen, welche Fehlerkorrekturdaten Platz hätten.</translation>
    </message>
    <message>
        <location filename="../build/protect_option.py" line="134"/>
        <source>Not available: the image leaves too little room on a {medium} for error-correction data (RS02 needs at least 3.2 % of the image).</source>
        <translation>Nicht verfügbar: Das Abbild lässt auf einem Medium „{medium}“ zu wenig Platz für Fehlerkorrekturdaten (RS02 braucht mindestens 3,2 % des Abbilds).</translation>
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
        <location filename="../image/repair_bar.py" line="53"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
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
    <message>
        <location filename="../image/repair_bar.py" line="116"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../image/repair_bar.py" line="134"/>
        <source>Repaired: all %n damaged sectors were rebuilt.</source>
        <translation>
            <numerusform>Repariert: %n beschädigter Sektor wurde wiederhergestellt.</numerusform>
            <numerusform>Repariert: Alle %n beschädigten Sektoren wurden wiederhergestellt.</numerusform>
        </translation>
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
