<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
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
        <location filename="../build/activity.py" line="48"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="49"/>
        <source>Cancel the running activity</source>
        <translation>Den laufenden Vorgang abbrechen</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="57"/>
        <location filename="../build/page.py" line="498"/>
        <source>{added} of {found} items found so far</source>
        <translation>{added} von bisher {found} gefundenen Elementen</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="129"/>
        <source>Open &amp;Folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="130"/>
        <source>&amp;Burn This Image…</source>
        <translation>Dieses Abbild &amp;brennen…</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="131"/>
        <source>Write to &amp;USB…</source>
        <translation>Auf &amp;USB schreiben…</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="132"/>
        <source>Write the image to a USB stick or SD card</source>
        <translation>Das Abbild auf einen USB-Stick oder eine SD-Karte schreiben</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="138"/>
        <location filename="../build/activity.py" line="139"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="156"/>
        <source>&lt;b&gt;Image built:&lt;/b&gt; {name} ({size})</source>
        <translation>&lt;b&gt;Abbild erstellt:&lt;/b&gt; {name} ({size})</translation>
    </message>
    <message>
        <location filename="../build/activity.py" line="166"/>
        <source>Error-correction data: {ecc} (RS01, {percent} %): any run of up to {count} damaged sectors can be rebuilt; the MD5 is implanted (checkisomd5)</source>
        <translation>Fehlerkorrekturdaten: {ecc} (RS01, {percent} %): Jeder Bereich von bis zu {count} beschädigten Sektoren lässt sich wiederherstellen; die MD5-Summe ist eingebettet (checkisomd5)</translation>
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
        <location filename="../build/build_runner.py" line="87"/>
        <source>Build Image</source>
        <translation>Abbild erstellen</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="87"/>
        <source>ISO images (*.iso);;All files (*)</source>
        <translation>ISO-Abbilder (*.iso);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="113"/>
        <source>The image will not fit</source>
        <translation>Das Abbild passt nicht</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="115"/>
        <source>The image is about {over} larger than a {medium} holds. Build it anyway?</source>
        <translation>Das Abbild ist etwa {over} größer, als {medium} fasst. Trotzdem erstellen?</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="143"/>
        <source>Building {name}…</source>
        <translation>{name} wird erstellt…</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="151"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="156"/>
        <source>Building {name} — {phase}</source>
        <translation>{name} wird erstellt – {phase}</translation>
    </message>
    <message>
        <location filename="../build/build_runner.py" line="170"/>
        <source>Adding error-correction data to {name}…</source>
        <translation>Fehlerkorrekturdaten werden zu {name} hinzugefügt…</translation>
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
        <location filename="../build/commands.py" line="25"/>
        <location filename="../build/commands.py" line="124"/>
        <source>“{name}”</source>
        <translation>„{name}“</translation>
    </message>
    <message numerus="yes">
        <location filename="../build/commands.py" line="26"/>
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
        <location filename="../build/project_model.py" line="459"/>
        <source>“{name}” cannot be moved into itself.</source>
        <translation>„{name}“ kann nicht in sich selbst verschoben werden.</translation>
    </message>
    <message>
        <location filename="../build/editor.py" line="140"/>
        <location filename="../build/project_model.py" line="464"/>
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
        <location filename="../build/page.py" line="160"/>
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
        <location filename="../build/page.py" line="161"/>
        <location filename="../build/project_view.py" line="101"/>
        <source>Disc contents</source>
        <translation>Inhalt des Mediums</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="192"/>
        <source>Build Image…</source>
        <translation>Abbild erstellen…</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="194"/>
        <source>Build an ISO image of the project (Ctrl+B)</source>
        <translation>Ein ISO-Abbild des Projekts erstellen (Strg+B)</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="200"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="304"/>
        <source>Empty</source>
        <translation>Leer</translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="307"/>
        <source>{size} in %n top-level item</source>
        <translation>
            <numerusform>{size} in %n Element der obersten Ebene</numerusform>
            <numerusform>{size} in %n Elementen der obersten Ebene</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="309"/>
        <source>{size} in %n top-level items</source>
        <translation>
            <numerusform>{size} in %n Element der obersten Ebene</numerusform>
            <numerusform>{size} in %n Elementen der obersten Ebene</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="333"/>
        <source>%n name will be recorded differently</source>
        <translation>
            <numerusform>%n Name wird anders gespeichert</numerusform>
            <numerusform>%n Namen werden anders gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="335"/>
        <source>%n names will be recorded differently</source>
        <translation>
            <numerusform>%n Name wird anders gespeichert</numerusform>
            <numerusform>%n Namen werden anders gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="339"/>
        <source>%n item cannot be recorded</source>
        <translation>
            <numerusform>%n Element kann nicht gespeichert werden</numerusform>
            <numerusform>%n Elemente können nicht gespeichert werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="341"/>
        <source>%n items cannot be recorded</source>
        <translation>
            <numerusform>%n Element kann nicht gespeichert werden</numerusform>
            <numerusform>%n Elemente können nicht gespeichert werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="517"/>
        <source>%n item could not be added: {reason}</source>
        <translation>
            <numerusform>%n Element konnte nicht hinzugefügt werden: {reason}</numerusform>
            <numerusform>%n Elemente konnten nicht hinzugefügt werden: {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="519"/>
        <source>%n items could not be added: {reason}</source>
        <translation>
            <numerusform>%n Element konnte nicht hinzugefügt werden: {reason}</numerusform>
            <numerusform>%n Elemente konnten nicht hinzugefügt werden: {reason}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../build/page.py" line="348"/>
        <source>target medium</source>
        <translation>Zielmedium</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="413"/>
        <source>Add Files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="420"/>
        <source>Add Folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="500"/>
        <source>{added} of {found} items</source>
        <translation>{added} von {found} Elementen</translation>
    </message>
    <message>
        <location filename="../build/page.py" line="502"/>
        <location filename="../build/page.py" line="537"/>
        <source>Adding files…</source>
        <translation>Dateien werden hinzugefügt…</translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="521"/>
        <source>(and %n more)</source>
        <translation>
            <numerusform>(und %n weiterer Fehler)</numerusform>
            <numerusform>(und %n weitere Fehler)</numerusform>
        </translation>
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
        <location filename="../build/project_model.py" line="80"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="81"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="82"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="83"/>
        <source>Name on disc</source>
        <translation>Name auf dem Medium</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="431"/>
        <source>The disc&apos;s root folder cannot be removed.</source>
        <translation>Der oberste Ordner des Mediums kann nicht entfernt werden.</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="450"/>
        <source>The disc&apos;s root folder cannot be moved.</source>
        <translation>Der oberste Ordner des Mediums kann nicht verschoben werden.</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="455"/>
        <source>“{name}” is a file, not a folder.</source>
        <translation>„{name}“ ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="474"/>
        <source>“{name}” cannot be moved there.</source>
        <translation>„{name}“ kann nicht dorthin verschoben werden.</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="628"/>
        <source>“{name}” cannot be recorded as it is:</source>
        <translation>„{name}“ kann nicht unverändert gespeichert werden:</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="633"/>
        <source>Link to {target}</source>
        <translation>Verknüpfung zu {target}</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="636"/>
        <source>From the image {image} (read from it when building)</source>
        <translation>Aus dem Abbild {image} (wird beim Erstellen daraus gelesen)</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="639"/>
        <source>From {source}</source>
        <translation>Aus {source}</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="641"/>
        <source>New folder (not from disk)</source>
        <translation>Neuer Ordner (nicht vom Datenträger)</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="648"/>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="650"/>
        <source>link</source>
        <translation>Verknüpfung</translation>
    </message>
    <message>
        <location filename="../build/project_model.py" line="652"/>
        <source>file</source>
        <translation>Datei</translation>
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
</context>
</TS>
