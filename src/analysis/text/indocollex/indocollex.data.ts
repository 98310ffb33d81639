/**
 * IndoCollex informal-to-formal dictionary, vendored unchanged (MIT, (c) 2021 Haryo Akbarianto Wibowo; LICENSE beside
 * this file). Origin: github.com/haryoa/indo-collex, dict/inforformal-formal-Indonesian-dictionary.tsv at commit
 * df626e812cd5924794fabf40003368a69f4e953c. Cite Wibowo et al. 2021, "IndoCollex", Findings of ACL-IJCNLP 2021.
 * Which entries the normaliser uses is decided in ./informal-dictionary.ts, not here.
 */
// prettier-ignore
export const INDOCOLLEX_TSV = `informal	formal
0kmh	0 kmh
1007mb	1007 mb
1008mb	1008 mb
1009mb	1009 mb
100k	100 ribu
1010mb	1010 mb
1011mb	1011 mb
1012mb	1012 mb
1017mb	1017 mb
1018mb	1018 mb
106m	106 m
10km	10 kilometer
10rb	10 ribu
10th	kesepuluh
110cm	110 centimeter
120rb	120 ribu
150rb	150 ribu
15k	15000
17cm	17 cm
17th	17 tahun
1kmh	1 kilometer per jam
1st	pertama
1x	sekali
200rb	"200.000"
20k	20000
20rb	20 ribu
20th	keduapuluh
22c	22 c
23c	23 c
24c	24 c
24th	24 tahun
25c	25 c
25th	25 tahun
26c	26 c
27c	27 c
28c	28 c
29c	29 c
2kmh	2 kilometer per jam
2nd	kedua
2x	dua kali
300rb	300 ribu
30c	30 c
30s	30 detik
31c	31 c
350rb	350 ribu
3kmh	1 kilometer per jam
3rd	ketiga
4kmh	4 kilometer per jam
4th	keempat
4x	4 kali
500rb	500 ribu
50k	50000
50rb	50000
551pm	5:51 sore
552pm	5:52 sore
5k	5 ribu
5kmh	5 kmh
5th	kelima
5x	5 kali
60rb	60000
6kmh	6 kmh
6th	keenam
7kmh	7 kilometer per jam
7th	ketujuh
8th	8 tahun
9th	kesembilan
aa	kakak
aah	ah
aamiin	amin
aamin	amin
abang2	abang-abang
abg	remaja tanggung
abi	ayah
abisnya	habisnya
abng	abang
acc	menyetujui
acheh	aceh
achievements	penghargaan
activities	aktifitas
ad	ada
adaa	ada
adek	adik
adek2	adik-adik
adekku	adikku
adeknya	adiknya
adha	ada
adik2	adik-adik
adk	arsip data komputer
adlh	adalah
adoh	aduh
aduhh	aduh
aduhhh	aduh
adus	mandi
adventures	petualangan
ae	saja
agan	juragan
ahahaha	hahaha
ahhh	ah
ahhhh	ah
aing	aku
airline	perusahaan penerbangan
aj	saja
ajaa	saja
ajaaa	saja
ajaaaa	aja
ajah	saja
ajakin	mengajak
ajalah	saja-lah
ajarin	mengajarkan
aje	saja
ajg	anjing
ajh	aja
ajig	anjing
ak	aku
akeh	banyak
akhir2	akhir-akhir
akn	akan
akoh	aku
aktifitas	aktivitas
akuh	aku
akutu	aku itu
akutuh	aku itu
akuu	aku
akuuu	aku
akuuuu	aku
ala2	ala-ala
alaa	ala
alai	anak layangan
alamin	mengalami
alay	anak layangan
algo	algoritme
alhamdulillaah	alhamdulillah
allaah	Allah
allahuakbar	allahu akbar
allhamdulillah	alhamdulillah
alloh	allah
alon	pelan
alus	halus
ambulan	ambulans
ambyar	bercerai-berai
america	amerika
american	Amerika
amigos	teman-teman
amiiin	amin
amiin	amin
aminnn	amin
amo	cinta
anak2	anak-anak
ancur	hancur
ane	aku
aneh2	aneh-aneh
angels	malaikat
anget	hangat
anggep	anggap
animals	binatang
anjay	anjing
anjeng	anjing
anjg	anjing
anjirr	anjing
anjirrr	anjing
ank	anak
anter	antar
anterin	antarkan
antum	anda
anying	anjing
anymore	lagi
ap	apa
apa2	apa-apa
apaa	apa
apaaa	apa
apakabar	apa kabar
apal	hafal
apartement	apartemen
apasih	apa
apo	apa
app	aplikasi
apus	hapus
aq	aku
aquarius	akuarius
aqui	akui
arabica	arabika
arep	harap
arrived	sampai
aseli	asli
ashar	asar
asik	asyik
asked	bertanya
asking	bertanya
assalammualaikum	assalamualaikum
astagaaa	astaga
at	pada
atjeh	aceh
atlit	atlet
ato	atau
attending	menghadiri
atu	satu
atw	atau
aunty	tante
awakmu	badanmu
awards	penghargaan
ay	sayang
aya	ada
ayok	ayo
ayoo	ayo
ayooo	ayo
ayoooo	ayo
babies	bayi-bayi
babybenz	baby benz
babynya	bayinya
bacod	berisik
badmood	suasana buruk
baek	baik
bagaimanapun	bagaimana pun
bagi2	bagi-bagi
bagus2	bagus-bagus
bai	selamat tinggal
baik2	baik-baik
baiq	baik
bakmie	bakmi
baksos	bakti sosial
balaikota	balai kota
balek	kembali
bales	membalas
balikin	kembalikan
balinese	orang bali
bambank	bambang
bang	ngab
bangett	sangat
bangettt	sangat
bangke	bangkai
bangun2	bangun-bangun
bangunin	membangunkan
bantuin	membantu
banyak2	banyak-banyak
banyakin	dibanyaki
bapak2	bapak-bapak
bapake	bapaknya
bapakibu	bapak ibu
baper	bawa perasaan
baperan	sensitif
barakallah	semoga diberkahi allah
bareng2	bersama-sama
barengan	bersama
barokah	berkah
baruu	baru
basecamp	markas
basudara	bersaudara
bathin	batin
batre	baterai
batur	teman
bawain	membawakan
bayangin	bayangkan
bayarin	membayarkan
bb	sayang
bbrp	beberapa
bby	sayang
bc	karena
bcs	karena
bct	banyak omong
bday	hari ulang tahun
bdg	Bandung
beaches	pantai-pantai
beautifull	cantik
beb	sayang
became	menjadi
becanda	bercanda
beda2	beda-beda
bedain	membedakan
bedua	berdua
began	memulai
begins	mulai
begitulah	seperti itulah
beliin	membelikan
belom	belum
bem	badan eksekutif mahasiswa
benar2	benar-benar
bener	benar
bener2	benar-benar
beneran	serius
benerin	benarkan
bensu	Ruben Onsu
beraktifitas	beraktivitas
beranih	berani
berantem	berhantam
berenti	berhenti
beresin	membereskan
berfikir	berpikir
berflower	berkembang
berkali2	berkali-kali
bermacam2	bermacam-macam
bersholawat	berselawat
bersihin	membersihkah
besok2	besok-besok
bestfriend	sahabat
bestie	sahabat
bete	bosan total
betol	betul
beud	sekali
bg	bang
bget	sangat
bgini	begini
bgitu	begitu
bgmn	bagaimana
bgni	seperti ini
bgsd	bangsat
bgst	bangsat
bgt	sekali
bgtt	sangat
bgttt	sangat
bgtu	begitu
bgus	bagus
bhs	bahas
bhw	bahwa
biarin	biarkan
bigmall	mall besar
bikers	pengendara sepeda
biking	bersepeda
bikinin	buatkan
bilangin	sampaikan
binggung	bingung
bio	biodata
birds	burung-burung
bisaa	bisa
bisaaa	bisa
bissmillah	bismillah
bkan	bukan
bkin	buat
bkn	bukan
bks	bekas
blang	berkata
blessings	anugerah
blg	berkata
blh	boleh
bli	beli
blk	kembali
blm	belum
bln	bulan
blom	belum
bls	balas
blum	belum
blusukan	masuk-masuk
bm	pasar gelap
bner	benar
bnget	sangat
bngst	bangsat
bngt	sangat
bngun	bangun
bnr	benar
bntr	sebentar
bnyak	banyak
bnyk	banyak
bocil	bocah kecil
bodo	bodoh
bodoamat	masa bodoh
boemi	bumi
bokap	bapak
bokep	film porno
boker	buang air besar
boking	memesan
bolang	bocah petualang
books	buku
boong	bohong
bored	bosan
bosen	bosan
bosqu	bosku
bosque	bos
bosss	bos
boutique	butik
boyfriend	pacar laki-laki
boys	anak laki-laki
bp	bapak
bpk	bapak
br	baru
brader	saudara laki-laki
branding	merek
brani	berani
brapa	berapa
brarti	berarti
breaktime	waktu istirahat
breathtaking	mempesona
brg	barang
brighter	semakin bercahaya
brigjen	brigadir jenderal
brings	membawa
bro	mas
brothers	saudara laki-laki
brp	berapa
brrti	berarti
bru	baru
bruh	kawan
bs	bisa
bsa	bisa
bsk	besok
bsok	besok
bt	kesal
bth	butuh
btl	betul
btw	omong-omong
buatin	buatkan
bucin	budak cinta
buibu	ibu-ibu
bukak	buka
bukber	buka bersama
bukittinggi	bukit tinggi
bullshit	kotoran sapi
bulutangkis	bulu tangkis
bumil	ibu hamil
buru2	buru-buru
busui	ibu menyusui
bw	bawa
bwt	buat
by	dengan
byk	banyak
cafe	kafe
caffe	kafe
cai	air
cakes	kue
called	dipanggil
calls	telepon
callwa	telepon whatsapp
cantiq	cantik
capeknya	capainya
captionnya	keterangannya
captured	tertangkap
cariin	carikan
cars	mobil-mobil
catering	katering
cawapres	calon wakil presiden
cb	coba
celebrating	merayakan
cemilan	camilan
centre	pusat
ceo	direktur
cepet	cepat
ceritain	ceritakan
ceunah	katanya
cewe	perempuan
ceweknya	perempuannya
challenges	tantangan
champions	juara
changed	berubah
changes	merubah
changing	mengganti
cheers	bersulang
chinese	cina
choices	pilihan-pilihan
christ	kristian
christian	kristen
christmas	natal
cieee	ciye
cinemas	bioskop
cita2	cita-cita
ciwi	perempuan
closing	penutupan
clouds	awan-awan
cm	cuma
cma	cuman
cmn	cuman
cntik	cantik
cobain	mencoba
cobak	coba
coffe	kopi
coffeenatics	penyuka kopi
collab	kolaborasi
colours	warna
coment	komentar
cong	oi
congrats	selamat
congratulations	selamat
copas	copy paste
costum	kostum
couldnt	tidak bisa
countries	negara-negara
cowo	cowok
cp	capai
cpk	capek
cpt	cepat
cr	cara
created	dibuat
creating	menciptakan
cs	layanan pelanggan
cuan	uang
cucok	cocok
curhat	curahan hati
curug	air terjun
cusss	maju
customers	pelanggan
cuz	karena
cwe	perempuan
cwek	perempuan
cwo	laki-laki
cwok	laki-laki
cz	karena
daan	dan
dahh	sudah
dann	dan
dapet	dapat
dapetin	mendapatkan
dapoer	dapur
darimana	dari mana
daritadi	dari tadi
dateng	datang
dd	adik
dearest	tercinta
december	desember
dech	sudah
decor	dekorasi
deg2an	berdebar-debar
degdegan	deg-degan
dehh	deh
dejavu	deja vu
deket	dekat
deketin	mendekati
del	hapus
denger	dengar
dengerin	mendengarkan
dengernya	dengarnya
depe	uang muka
depends	bergantung
depo	depot
dept	departemen
des	desember
deserves	pantas
details	detail
deui	lagi
devils	setan
dewe	sendiri
dewek	sendiri
dg	dengan
dgn	dengan
dgr	dengar
dh	sudah
dhe	deh
diaa	dia
diacara	di acara
diajakin	diajak
diajarin	diajarkan
diakhir	di akhir
diantara	di antara
diantaranya	di antaranya
diapain	diapakan
diaplikasi	di aplikasi
diatas	di atas
diawal	di awal
dibales	dibalas
dibawah	di bawah
dibelakang	di belakang
dibeliin	dibelikan
dibidang	di bidang
dibikin	dibuat
dibilang	dikatakan
dibilangin	dibilangi
dibully	dirundung
didalam	di dalam
didalamnya	di dalamnya
didepan	di depan
didunia	di dunia
dies	meninggal
difoto	di foto
difotoin	difoto
diguyur	disiram
dih	idih
dihari	di hari
dijadiin	dijadikan
dijalan	di jalan
dikala	di kala
dikamar	di kamar
dikampung	di kampung
dikampus	di kampus
dikantor	di kantor
dikasih	diberi
dikata	dikira
dikerjain	dikerjakan
dikirimin	dikirimkan
dikit2	sedikit-sedikit
diklat	pendidikan kilat
dikosan	di kos
dikota	di kota
dilain	di lain
dilakuin	dilakukan
dilapangan	di lapangan
diliat	dilihat
diliatin	diperlihatkan
dilombok	di lombok
diluar	di luar
diluaran	di luaran
dimalam	di malam
dimana	di mana
dimana2	dimana-mana
dimanapun	di mana pun
dimarahin	dimarahi
dimasa	di masa
dimasukin	dimasukkan
dimata	di mata
dimna	dimana
dimuka	di muka
diomongin	diomongi
dipagi	di pagi
dipake	dipakai
dipasaran	di pasaran
dipikirin	dipikirkan
dipinggir	di pinggir
diposisi	di posisi
dirumah	di rumah
dirut	direktur utama
disaat	di saat
disana	di sana
disebelah	di sebelah
disekitar	di sekitar
disekolah	di sekolah
diseluruh	di seluruh
disetiap	di setiap
dishub	dinas perhubungan
disini	di sini
disitu	di situ
disitulah	di situlah
ditahun	di tahun
ditangan	di tangan
ditanyain	ditanyai
ditemenin	ditemani
ditempat	di tempat
ditengah	di tengah
ditinggalin	ditinggalkan
diubah	dirubah
diujung	di ujung
diupload	di upload
diwaktu	di waktu
dj	disk jokey
djakarta	jakarta
dkt	dekat
dl	dulu
dlam	dalam
dlingo	Duo Lingo
dll	dan lain-lain
dlm	dalam
dlu	dulu
dmn	di mana
dmna	di mana
dn	dan
dng	dengan
dngn	dengan
doain	doakan
doank	saja
doh	aduh
dolo	dulu
dongg	dong
donggg	dong
dongs	dong
donk	dong
donlot	download
donut	donat
donuts	donat
doong	dong
doors	pintu
dpat	dapat
dpc	dewan pimpinan cabang
dpn	depan
dps	denpasar
dpt	dapat
dr	dari
drakor	drama korea
dreams	mimpi-mimpi
drg	dokter gigi
dri	dari
drinks	minuman-minuman
drmh	di rumah
drpd	daripada
ds	desa
dsb	dan sebagainya
dsini	di sini
dsni	di sini
dtg	datang
duhh	aduh
duhhh	aduh
duitnya	uangnya
duluan	mendahului
duluuu	dulu
durung	belum
duwe	punya
dy	dia
ea	iya
earlier	lebih awal
edited	diedit
editing	mengedit
edt	ubah
ee	tahi
eek	kotoran
ehehe	hehe
ehhh	eh
eid	idul
ekspetasi	ekspektasi
elek	jelek
emak2	ibu-ibu
emaknya	ibunya
emangnya	memangnya
emg	memang
emng	emang
emot	emote
emyu	Menchester United
enakan	lebih enak
endingnya	akhirnya
ends	berakhir
eneg	enek
engga	tidak
england	inggris
english	bahasa inggris
enjing	pagi
enjoyed	dinikmati
enk	enak
entek	habis
este	es teh
etc	dan lain-lain
eu	eropa
eug	saya
europe	Eropa
events	acara
everythings	semuanya
everytime	setiap saat
ex	eks
exercising	olah raga
experiences	pengalaman-pengalaman
eyes	mata
faces	muka
facts	fakta
failed	gagal
fak	brengsek
fakboi	fuck boy
fakenail	kuku palsu
falls	jatuh
families	keluarga
familys	keluarga
fams	keluarga
fastpay	pembayaran cepat
fathers	para ayah
fav	favorit
fave	favorit
favourite	favorit
fb	facebook
featuring	menampilkan
feb	februari
february	februari
feelings	perasaan
feels	merasa
feet	kaki
feliz	bahagia
fellas	teman
fgd	diskusi kelompok terpumpun
fields	bidang
fikir	pikir
fikiran	pikiran
firefighter	pemadam kebakaran
fk	fakultas kedokteran
flashback	kilas balik
flek	jerawat
flowers	bunga
flyover	jembatan layang
fm	football manager
folback	ikuti balik
folbek	follow balik
folks	saudara-saudara
follback	mengikuti kembali
followed	diikuti
followers	pengikut
foods	makanan
foto2	foto-foto
fotoin	memotretkan
fpi	front pembela islam
french	perancis
friday	jumat
friends	teman-teman
fruits	buah
ft	menampilkan
fuck	tahi
fyi	sekedar informasi
ga	tidak
gaa	tidak
gaada	tidak ada
gabakal	tidak akan
gabisa	tidak bisa
gabole	tidak boleh
gaboleh	tidak boleh
gabut	gaji buta
gaenak	tidak enak
gaes	kawan-kawan
gaess	teman-teman
gaesss	teman-teman
gais	teman-teman
gajadi	tidak jadi
gaje	tidak jelas
gajelas	tidak jelas
gak	tidak
gakuat	tidak kuat
galery	galeri
galo	galau
gamau	tidak mau
gangerti	tidak mengerti
gangguin	ganggu
gank	gang
gantengnya	tampannya
gantian	bergantian
gapake	tidak pakai
gapapa	tidak apa-apa
gaperlu	tidak perlu
gapernah	tidak pernah
gapunya	tidak punya
gara2	gara-gara
gass	gas
gasss	gas
gassss	gas
gasuka	tidak suka
gatau	tidak tahu
gatel	gatal
gatsu	gatot subroto
gausa	tidak usah
gausah	tidak usah
gawe	bekerja
gblk	goblok
gbu	semoga tuhan memberkati
gedhe	besar
geesss	teman-teman
gegara	gara-gara
gelem	bersedia
gemes	gemas
genk	geng
genks	kumpulan
gercep	gerak cepat
germany	jerman
gets	mendapatkan
geus	adalah
gf	pacar
ghibah	gosip
gilaaa	gila
gilak	gila
gile	gila
gimana	bagaimana
gimna	bagaimana
gini	begini
ginian	seperti ini
girls	para gadis
gitu	begitu
gituu	seperti itu
gituuu	begitu
gives	memberi
gk	tidak
gmana	bagaimana
gmn	bagaimana
gmna	bagaimana
gn	begini
gni	seperti ini
go	pergi
goals	tujuan
goblog	goblok
gods	tuhan
gokil	gila
gonna	akan
goodbye	selamat tinggal
goodbyes	selamat tinggal
goodluck	selamat berjuang
goodnight	selamat malam
gosah	tidak usah
gotta	harus
gowes	bersepeda
gpp	tidak apa-apa
gr	gara-gara
gracias	terima kasih
grande	besar
gratisan	gratis
gratisss	gratis
greatest	terbaik
greetings	salam
grgr	gara-gara
gt	begitu
gtu	begitu
gua	saya
gub	gubernur
gue	saya
gunungkidul	gunung kidul
gunungsari	gunung sari
guys	kawan-kawan
guyss	teman-teman
guysss	teman-teman
gw	saya
gwa	saya
gws	semoga cepat sembuh
gx	tidak
haaa	ha
hadeh	aduh
hadeuh	aduh
haduh	aduh
haha	hahaha
hahaa	hahaha
hahah	hahaha
hahahaa	hahaha
hahahah	hahaha
hahahaha	hahaha
hahahahaa	hahaha
hahahahah	hahaha
hahahahaha	hahaha
hahahahahaha	hahaha
hahahahahahaha	hahaha
hahahahha	hahaha
hahahha	hahaha
hahahhaa	hahaha
hahha	hahaha
hahhaa	haha
hahhaha	hahaha
haii	hai
haiii	hai
hal2	hal-hal
hallo	halo
haloo	halo
halooo	halo
halu	halusinasi
hands	tangan-tangan
hape	handphone
happened	terjadi
happens	terjadi
happines	kebahagiaan
hardcover	sampul keras
hardest	tersulit
hari2	hari-hari
hasilnyaaa	hasilnya
hastag	tagar
haters	pembenci
hati2	hati-hati
hatur	terima
having	memiliki
hayam	ayam
hayoo	ayo
hayooo	ayo
hayu	ayo
hayuk	ayo
hbd	selamat ulang tahun
hbis	habis
hbs	habis
heard	didengar
hedon	hedonisme
hehe	hahaha
hehee	haha
heheh	hahaha
hehehe	hahaha
heheheh	hahaha
hehehehe	hahaha
held	ditahan
helped	ditolong
helps	tolong
hepi	senang
heres	di sini
heroes	pahlawan
hes	dia
heuheu	hehe
heula	dahulu
heyy	hey
hha	haha
hhe	haha
hihi	hahaha
hihihi	hahaha
hiking	mendaki
hiks	huhu
hilih	halah
hills	perbukitan
hitz	populer
hiya	hai
hj	haji
hlm	halaman
hmi	himpunan mahasiswa indonesia
hmmm	hmm
hmmmmm	hm
hny	hanya
hnya	hanya
hoaks	informasi bohong
hoby	hobi
hola	halo
holidays	hari libur
homecoming	prom
homes	rumah
homestay	rumah singgah
hometown	kampung halaman
hongkong	hong kong
honour	honor
hoo	oh
hopes	harapan
hoping	berharap
horison	cakrawala
hours	berjam-jam
hp	handphone
hq	markas besar
hr	hari
hrg	harga
hri	hari
hrs	harus
hrus	harus
hti	hati
hu	huhuhu
huhu	huhuhu
humans	manusia
hurts	menyakitkan
hy	hai
hype	sensasi
ibu2	ibu-ibu
ibukota	ibu kota
ideas	ide-ide
idk	tidak tahu
idr	rupiah
idung	hidung
idup	hidup
ied	idul
ieu	ini
if	jika
ig	Instagram
ihh	ih
iii	ih
ijin	izin
ijo	hijau
iki	ini
iku	itu
ikutin	mengikuti
il	sang
ilang	hilang
im	aku sedang
in	di
including	termasuk
indian	orang india
indo	indonesia
indonesian	Indonesia
indonesias	indonesia
inframe	di dalam bingkai
inget	ingat
ingetin	ingatkan
inih	ini
inii	ini
iniii	ini
insom	insomnia
instal	install
insyaa	insya
insyaallah	insya allah
insyallah	insya allah
introducing	memperkenalkan
invited	diundang
ipk	indeks prestasi kumulatif
ips	ilmu pengetahuan sosial
iqro	iqra
ireng	hitam
is	adalah
islamic	keislaman
islands	pulau-pulau
isnt	bukan
isok	bisa
isteri	istri
istighfar	istigfar
istora	istana olah raga
isuk	besok
it	itu
italian	italia
itam	hitam
items	barang
itung	hitung
itupun	itu pun
ituu	itu
ituuu	itu
ive	saya sudah
iyaa	iya
iyaaa	iya
iyaaaa	iya
iyah	iya
iyain	iyakan
iyak	iya
iye	iya
iyoo	iya
ja	ya
jadian	berhubungan
jadiin	jadikan
jadul	jaman dulu
jagad	jagat
jagain	menjaga
jaim	jaga penampilan
jajaja	hahaha
jak	jakarta
jakpus	jakarta pusat
jaksel	Jakarta Selatan
jalan2	jalan-jalan
jalanin	menjalani
jamannya	zamannya
jamming	tersumbat
jan	januari
jancok	tahi
jang	ujang
jangan2	jangan-jangan
jannatul	surga
january	januari
japri	jalur pribadi
jarang2	jarang-jarang
jastip	jasa titip
jateng	jawa tengah
jatim	jawa timur
jatoh	jatuh
jauh2	jauh-jauh
jb	Jual Beli
jd	jadi
jdi	jadi
jebul	ternyata
jelasin	menjelaskan
jend	jendral
jesus	yesus
jeung	jeng
jg	juga
jga	juga
jgan	jangan
jgn	jangan
jingan	bajingan
jkt	jakarta
jl	jalan
jln	jalan
jm	jam
jng	jangan
jngan	jangan
jngn	jangan
jo	jangan
jobs	pekerjaan
jogja	Yogyakarta
jokes	lelucon
jones	jomblo mengenaskan
jowo	jawa
jr	junior
jt	juta
jugaa	juga
jugaaa	juga
jugak	juga
jugo	juga
jujurly	jujur
july	juli
jumping	loncat
juve	juventus
jw	jiwa
jwb	jawab
k3	ketiga
kab	kabupaten
kabarin	kabari
kabeh	semua
kabid	kepala bidang
kabupatenkota	kabupaten kota
kadis	kepala dinas
kaga	tidak
kakak2	kakak-kakak
kaki2	kaki-kaki
kakk	kak
kakkk	kak
kaks	kak
kalbar	kalimantan barat
kalean	kalian
kalii	kali
kalok	kalau
kaltim	kalimantan timur
kalu	kalau
kambingbuntutdaging	kambing buntut daging
kampoeng	kampung
kamuu	kamu
kamuuu	kamu
kanaan	kanan
kann	kan
kannn	kan
kanwil	kantor wilayah
kao	kau
karna	karena
karoke	karaoke
kasian	kasihan
kasihhh	kasih
kata2	kata-kata
katanya	saya dengar
kawan2	kawan-kawan
kayaknya	sepertinya
kayanya	sepertinya
kcp	kecap
kdg	kadang
kdrama	drama korea
ke2	kedua
keatas	ke atas
kebalik	terbalik
kebanggan	kebanggaan
kebangun	terbangun
kebawa	terbawa
kebawah	ke bawah
kebayang	terbayang
kebelakang	ke belakang
kebeli	terbeli
kebuka	terbuka
kec	kecamatan
kedalam	ke dalam
kedaton	istana
kedepan	ke depan
kedepannya	ke depan
kedhai	kedai
keempat	ke empat
keeps	tetap
keinget	teringat
kejebak	terjebak
kejepit	terjepit
keknya	sepertinya
kel	kelurahan
kelaperan	kelaparan
kelen	kalian
keliatan	kelihatan
keluarin	keluarkan
kemana	ke mana
kemana2	ke mana-mana
kemanapun	ke manapun
kemaren	kemarin
kemenpar	kementrian pariwisata
kenali	mengenali
kenalin	kenalkan
kenapaa	kenapa
kene	kita
kepake	terpakai
kepengen	ingin
kepikiran	terpikir
kepoin	ingin mengetahui
kerasa	terasa
keringetan	berkeringat
kerjaan	pekerjaan
kerjaannya	pekerjaannya
kerjain	kerjakan
kerjasama	kerja sama
kerjo	kerja
kerumah	ke rumah
kesampean	tercapai
kesana	ke sana
keseringan	terlalu sering
kesian	kasihan
kesini	ke sini
ketauan	ketahuan
ketempat	ke tempat
ketemuan	bertemu
ketum	ketua umum
keur	sedang
kg	kilogram
kgn	rindu
kid	anak
kids	anak-anak
kieu	seperti ini
kinclong	berkilau
kinda	agak
kings	raja-raja
kira2	kira-kira
kirain	saya kira
kitaa	kita
kito	kita
kitu	begitu
kk	kakak
kkk	oke
kkkk	oke
kkkkk	oke
kl	kalau
klau	kalau
klean	kalian
kliatan	kelihatan
klo	kalau
kls	kelas
klu	kalau
kluar	keluar
kluarga	keluarga
klw	kalau
km	kamu
kmaren	kemarin
kmh	bagaimana
kmn	ke mana
kmna	kemana
kmren	kemarin
kmrin	kemarin
kmrn	kemarin
kmu	kamu
knapa	kenapa
knows	tahu
knp	kenapa
knpa	mengapa
kntl	kontol
ko	mengapa
kocheng	kucing
koffie	kopi
kog	kenapa
komen	komentar
kominfo	komunikasi dan informasi
komp	komputer
komplek	kompleks
kopdar	kopi darat
koq	mengapa
korean	korea
kosan	indekos
kost	indekos
kotagede	kota besar
kowe	kamu
koyo	koyok
kp	kerja praktek
kpd	kepada
kpn	kapan
kppn	kapan
kramat	keramat
kraton	keraton
kreatifitas	kreativitas
krn	karena
krna	karena
ksh	kasih
ksr	kasar
kt	kita
ktemu	bertemu
ktmu	bertemu
kuingin	Aku ingin
kulineran	berkuliner
kulo	saya
kumaha	bagaimana
kurangi	mengurangi
kurangin	kurangi
kuy	ayo
kuyy	yuk
kuyyy	ayo
kw	kualitas
kwalitas	kualitas
kwkw	hahaha
kwkwk	hahaha
kwkwkw	hahaha
ky	seperti
kya	seperti
kyak	seperti
kyk	seperti
kyknya	seperti-nya
kzl	kesal
laaah	lah
laah	lah
laen	lain
lagii	lagi
lagiii	lagi
lagiiii	lagi
lagu2	lagu-lagu
lahh	lah
lahhh	lah
lahiran	melahirkan
laki2	laki-laki
lakuin	lakukan
lalui	melalui
lama2	lama-lama
lanjutin	lanjutkan
lansung	langsung
laper	lapar
largest	terbesar
latian	latihan
lau	kalau
launching	peluncuran
lbh	lebih
lbih	lebih
le	sang
leaders	pemimpin
lebay	berlebihan
legends	legenda
leh	lah
lemot	lambat
lessons	pelajaran
lets	ayo
letting	membiarkan
lewati	melewati
lewatin	melewati
lg	lagi
lgi	lagi
lgsg	langsung
lgsung	langsung
lheue	lho
lhok	lho
lhooo	loh
liat2	lihat-lihat
liatin	lihatkan
liatnya	melihat -nya
lies	bohong
lifes	kehidupan-kehidupan
lifestyle	gaya hidup
lights	lampu-lampu
liked	disukai
lines	garis
lips	bibir
lives	hidup
lmao	hahaha
lngsng	langsung
lngsung	langsung
locals	lokal
located	berlokasi
loe	kamu
lohh	lho
lohhh	lho
lol	hahaha
lom	belum
looks	wajah
looo	kamu
loved	dicintai
lovers	pasangan
loves	mencintai
lp	lupa
lsg	langsung
lt	lantai
luarbiasa	luar biasa
lupain	lupakan
lur	teman-teman
luruuss	lurus
luv	cinta
luwih	lebih
lwat	lewat
maacih	terima kasih
maafin	maafkan
maap	maaf
maapin	maafkan
maba	mahasiswa baru
mabar	main bersama
mabok	mabuk
macem	macam
maem	makan
maen	main
maenan	mainan
maennya	mainnya
mager	malas bergerak
mahasiswai	mahasiswa
mahluk	makhluk
main2	main-main
mainin	mainkan
makan2	makan-makan
makane	makanya
makannya	oleh sebab itu
makasar	makassar
makasi	terima kasih
makasih	terima kasih
makasihh	terima kasih
makasihhh	terima kasih
makasii	terima kasih
makes	membuat
makeup	make up
maksa	memaksa
malam2	malam-malam
malang	ngalam
malem	malam
malem2	malam-malam
males	malas
malls	mal
malming	malam minggu
mamam	makan
mampet	mampat
mancing	memancing
maneh	lagi
mangat	semangat
manggil	memanggil
manjah	manja
mans	laki-laki
mantab	mantap
mantapp	mantap
mantau	memantau
manteman	teman-teman
mantep	mantap
mantul	mantap sekali
maqna	makna
marah2	marah-marah
marahin	memarahi
masa2	masa-masa
masalalu	masa lalu
masang	memasang
masi	masih
masing2	masing-masing
maskeran	memakai masker
masok	masuk
masukin	memasukan
matahati	mata hati
matiin	matikan
matkul	mata kuliah
matters	berpengaruh
mauu	mau
mauuu	mau
mauuuu	mau
max	maksimal
mayan	lumayan
mba	mbak
mbaa	mbak
mbaaa	mbak
mbak2	mbak-mbak
mbanya	mbaknya
mbk	mbak
mblo	jomlo
mboh	tidak mau
mboten	tidak
mbuh	belum
mcm	macam
me	aku
means	artinya
medsos	sosial media
mee	aku
meets	menemui
meetup	pertemuan
megang	memegang
mekdi	mcd
melow	lembut
melu	ikut
meluk	memeluk
members	anggota
memories	kenangan
meneh	tetap saja
mengcape	lelah
menghianati	mengkhianati
mengkezel	kesal
mengkonsumsi	mengonsumsi
mengmarah	marah
mengpede	percaya diri
mengsedih	sedih
mengseneng	senang
menpar	kementrian pariwisata
mensukseskan	menyukseskan
mentri	menteri
merci	terima kasih
mergo	karena
mesen	pesan
metu	keluar
mgkin	mungkin
mgkn	mungkin
mh	mah
mhn	mohon
micin	vestin
midtown	tengah kota
mikir	berpikir
mikirin	memikirkan
mikirnya	pikirnya
miles	mil
milih	memilih
milyar	miliar
mimin	admin
mimpiin	memimpikan
minjem	pinjam
minutes	menit
missed	luput
mistakes	kesalahan
mk	maka
mkan	makan
mkn	makan
mksdnya	maksudnya
mksh	terima kasih
mksih	terima kasih
ml	bercinta
mlaku	berjalan
mlati	melati
mls	malas
mm	hmm
mmg	memang
mmng	memang
mn	mana
mngkin	mungkin
mnjadi	menjadi
mnta	minta
mo	mau
mom	ibu
moments	saat-saat
moms	ibu-ibu
monday	senin
monggo	silakan
monitoring	pengawasan
monmaap	mohon maaf
months	berbulan-bulan
mosok	masa
mothers	ibu-ibu
motoin	memfotokan
motong	memotong
motret	memotret
mountains	pegunungan
movies	film-film
mreka	mereka
mrk	mereka
mrs	ibu
ms	yang benar
msh	masih
msi	masih
msih	masih
msk	masuk
mslh	masalah
msuk	masuk
mt	mati
muaro	muara
mudah2an	mudah-mudahan
muke	muka
mukul	memukul
mukulin	memukuli
mulu	melulu
muncak	memuncak
muter	berputar
mutualan	mutual
mv	video musik
mw	mau
my	milikku
mz	mas
nabrak	menabrak
nabung	menabung
naek	naik
nagih	menagih
naha	kenapa
nahan	menahan
nahh	nah
naikin	menaikkan
naikturun	naik turun
nails	kuku
naksir	menaksir
nambah	menambah
nambahin	menambahkan
nampol	pukul
nanggung	tanggung
nangis	menangis
nanya	bertanya
nanyain	menanyakan
naon	apa
nari	menari
narik	menarik
nasgor	nasi goreng
nawarin	menawarkan
nda	tidak
ndak	tidak
ndelok	melihat
ndeso	kampungan
ndk	tidak
ndut	gendut
ne	ini
needed	dibutuhkan
nego	negosiasi
negri	negeri
neh	ini
nelpon	menelepon
nemenin	menemani
nemu	menemukan
nemuin	menemukan
nengok	menengok
nerima	menerima
ngabarin	mengabari
ngabisin	menghabiskan
ngabuburit	berkumpul
ngaca	berkaca
ngadain	mengadakan
ngadem	mendinginkan
ngadepin	menghadapi
ngadu	mengadu
ngajak	mengajak
ngajakin	mengajak
ngajar	mengajar
ngajarin	mengajarkan
ngaji	mengaji
ngak	nggak
ngakak	tertawa
ngaku	mengaku
ngakunya	mengakunya
ngalah	mengalah
ngalahin	mengalahkan
ngalamin	mengalami
ngambek	marah
ngambil	mengambil
ngamen	mengamen
ngampus	ke kampus
ngamuk	mengamuk
ngangenin	mengangeni
nganggur	menganggur
nganter	mengantar
nganterin	mengantar
nganti	mengantri
ngantor	ke kantor
ngantri	mengantri
ngantuk	mengantuk
nganu	meanu
ngapa	mengapa
ngapa2in	melakukan
ngapain	sedang apa
ngarep	berharap
ngaruh	berpengaruh
ngasi	memberi
ngasih	memberi
ngatain	mengatai
ngatur	mengatur
ngawur	asal-asalan
ngebacot	banyak bicara
ngebayangin	membayangkan
ngebolang	berpetualang
ngebuat	membuat
ngechat	mengirim pesan
ngedate	berkencan
ngedit	mengedit
ngefans	menggemari
ngegas	mengegas
ngeh	sadar
ngejar	mengejar
ngelakuin	melakukan
ngelamar	melamar
ngeles	mengelak
ngeliat	melihat
ngeliatin	melihat
ngelihat	melihat
ngeluarin	mengeluarkan
ngeluh	mengeluh
ngemil	menghabiskan meal
ngene	begini
ngentot	mengentot
ngepost	memasang
ngerasa	merasa
ngerasain	merasakan
ngerjain	mengerjakan
ngerokok	merokok
ngerti	mengerti
ngeselin	mengesalkan
ngeteh	mengeteh
ngetik	mengetik
ngetweet	membuat tweet
ngetwit	menulis cuitan
ngewe	bercumbu
ngga	tidak
nggak	tidak
nggeh	iya
nggih	iya
nggk	tidak
nggo	silahkan
ngidam	mengidam
ngikut	mengikuti
ngikutin	mengikuti
ngilang	menghilang
ngilangin	menghilangkan
ngiler	tergoda
nginap	menginap
nginep	menginap
ngingetin	mengingatkan
ngintip	mengintip
ngirim	mengirim
ngisi	mengisi
ngitung	menghitung
ngk	tidak
ngmg	berbicara
ngmng	mengobrol
ngobrol	mengobrol
ngobrolin	mengobrol
ngoceh	berbicara
ngombe	minum
ngomel	memarah
ngomong	bicara
ngomongin	membicarakan
ngomongnya	omongannya
ngono	begitu
ngopi	minum kopi
ngotot	mengotot
ngucapin	mengucapkan
ngulang	mengulang
ngumpul	berkumpul
ngumpulin	mengumpulkan
ngundang	mengundang
ngunyah	mengunyah
ngupi	minum kopi
ngurus	mengurus
ngurusin	mengurusi
ngutang	berhutang
nich	ini
nie	ini
nihh	ini
nihhh	ini
niih	ini
niii	ini
nikahan	pernikahan
nikmatin	menikmati
ninggalin	meninggalkan
nipu	tipu
nite	malam
nitip	menitip
njing	anjing
njirr	anjing
nmr	nomor
nnt	nanti
nnti	nanti
nntn	nonton
nnton	menonton
no111	nol
nobar	nonton bareng
noh	itu
nolak	menolak
nongkrong	menongkrong
nonton	menonton
nontonin	menonton
nontonnya	menontonnya
noob	pemula
nopember	november
notif	notifikasi
nov	november
ntah	entah
ntar	sebentar
ntn	menonton
ntr	sebentar
nugas	menugas
nuhun	iya
nulis	menulis
numpak	naik
numpang	menumpang
numpuk	menumpuk
nunggu	menunggu
nungguin	menunggu
nunjukin	menunjukkan
nurut	menurut
nutup	menutup
nuwun	terima kasih
nyadar	tersadar
nyakitin	menyakiti
nyalahin	menyalahkan
nyalain	menyalakan
nyalakan	menyalakan
nyambung	menyambung
nyampah	menyampah
nyampe	sampai
nyanding	menyanding
nyangka	menyangka
nyangkut	menyangkut
nyantai	bersantai
nyanyiin	menyanyikan
nyapa	menyapa
nyari	mencari
nyariin	mencarikan
nyasar	tersesat
nyebelin	menyebalkan
nyebrang	menyebrang
nyebut	menyebut
nyemil	mengemil
nyempil	menyempil
nyender	menyandar
nyenengin	menyenangkan
nyerah	menyerah
nyesal	menyesal
nyesek	sesak
nyesel	menyesal
nyet	monyet
nyetir	menyetir
nyiapin	menyiapkan
nyicil	menyicil
nyimak	menyimak
nyindir	menyindir
nyo	ayo
nyoba	mencoba
nyobain	mencoba
nyoblos	mencoblos
nyokap	ibu
nyuruh	menyuruh
nyusahin	menyusahkan
nyusul	menyusul
oalah	walah
oceans	laut
oct	oktober
october	oktober
oey	oi
of	dari
offers	tawaran
og	original
oge	juga
oiya	oh iya
ojo	jangan
ojol	ojek online
ok	iya
okay	oke
okeh	oke
okey	oke
oleh2	oleh-oleh
olshop	toko online
omah	rumah
omg	Ya Tuhan
ongkir	ongkos kirim
onlen	online
ono	ada
oom	om
ootd	pakaian hari ini
op	operator
openbooking	buka pemesanan
opened	terbuka
opo	apa
or	atau
orang2	orang-orang
orangtua	orang tua
orderan	pesanan
orderannya	pesanannya
org	orang
org2	orang-orang
orgnya	orangnya
ori	original
ormas	organisasi massa
orng	orang
ortu	orang tua
os	operating system
otewe	dalam perjalanan
others	lain-lain
otw	dalam perjalanan
oy	hai
oya	iya
paan	apa
pabji	PUBG
packing	berkemas
padasuka	pada suka
pagi2	pagi-pagi
pagii	pagi
pagiii	pagi
pagiiii	pagi
pahami	memahami
paid	dibayar
pait	pahit
pake	memakai
pakek	pakai
paketan	paket
pamutusan	pemutusan
panas2	panas-panas
pantengin	menunggui
pantes	pantas
pantesan	pantas saja
parents	orang tua
parfume	parfum
parpol	partai politik
parts	bagian
pasih	apa sih
paslon	pasangan calon
passed	terlewat
pb	point blank
pc	komputer
pcs	satuan
pcx	pak
pd	pada
pda	pada
pdahal	padahal
pdhal	padahal
pdhl	padahal
pdt	padat
pede	percaya diri
pegel	pegal
pegi	pergi
pelakor	perebut lelaki orang
pemko	pemerintah kota
pemprov	pemerintah provinsi
pendikar	pendekar
pengen	ingin
pengennya	ingin-nya
peoples	orang-orang
peptalk	kata motivasi
perhatiin	perhatikan
perna	pernah
pesen	pesan
pesenan	pesanan
petrus	pepet terus
pg	pagi
pgi	pagi
pgn	ingin
photos	foto-foto
php	pemberi harapan palsu
pics	gambar
pictures	foto
pikirin	pikirkan
pileg	pilek
pilpres	pemilihan presiden
pingin	ingin
pinjem	pinjam
pinter	pintar
piro	berapa
pisan	juga
piye	bagaimana
pjg	panjang
pk	pakai
pke	pakai
pkl	pukul
pku	pusat kesehatan umum
places	tempat-tempat
planning	rencana
plans	rencana-rencana
played	dimainkan
players	pemain
playing	bermain
plg	pulang
plis	please
pliss	tolong
plisss	tolong
plng	pulang
pls	mohon
plt	pelaksana tugas
pltu	pembangkit listrik tenaga uap
pms	sindrom pra menstruasi
png	pingin
pngen	ingin
pnting	penting
pny	punya
pnya	punya
points	poin-poin
pokoke	pokoknya
pokonya	pokoknya
polbek	follow back
polwan	polisi wanita
ponpes	pondok pesantren
ponsel	telepon selular
postingan	post
poto	foto
pp	pulang-pergi
ppsu	penanganan sarana dan prasarana umum
pr	pekerjaan rumah
prancis	Perancis
prayers	doa
preparing	menyiapkan
presented	ditampilkan
presents	hadiah
prewed	pra-nikah
prewedding	pranikah
pricelist	daftar harga
prnah	pernah
prnh	pernah
problems	masalah
products	produk
profdr	prof dr
proud	bangga
prov	provinsi
psti	pasti
puede	percaya diri
pulak	pula
pulkam	pulang kampung
pulo	pulau
punten	permisi
pura2	pura-pura
putera	putra
qaqa	kakak
qm	kamu
qt	kita
qta	kita
qu	ku
quando	kapan
que	kue
questions	pertanyaan-pertanyaan
quotes	kutipan
rabb	allah
rafting	arung jeram
rakor	rapat koordinasi
rame2	ramai-ramai
rangorang	orang-orang
rapih	rapi
rapopo	tidak apa-apa
rasah	rasa
rasain	merasakan
rasane	rasanya
rata2	rata-rata
realized	tersadar
reasons	alasan
recomended	direkomendasikan
recommended	disarankan
records	catatan
rejekinya	rezekinya
rekan2	rekan-rekan
relaxing	relaksasi
released	dikeluarkan
req	permintaan
residences	tempat tinggal
resleting	ritsleting
resorts	resor
resto	restoran
results	hasil-hasil
ribet	rumit
ribs	tulang rusuk
rights	hak-hak
ringroad	jalan lingkar
rm	rumah makan
rmh	rumah
rmv	menghilangkan
roads	jalan
roasted	panggang
robb	tuhan
rockstar	bintang rock
roemah	rumah
rooftop	atap
rooms	ruangan
roots	akar
roso	rasa
rp	rupiah
rs	rumah sakit
rsi	rumah sakit islam
rsia	rahasia
rsj	rumah sakit jiwa
ruko	rumah toko
rules	peraturan
rumoh	rumah
runners	pelari
saay	sayang
sadari	menyadari
saha	siapa
sahabat2	sahabat-sahabat
saia	saya
saiki	sekarang
salahin	salahkan
salalu	salahmu
salfok	salah fokus
sallam	salam
sama2	sama-sama
samaa	sama
samaaa	sama
samaan	sama
samasama	sama-sama
sambel	sambal
samo	hanya
sampe	sampai
samperin	menyamperi
sampun	sudah
samsek	sama sekali
sange	bergairah
santuy	santai
saos	saus
sape	siapa
sareng	bersama
satay	sate
satgas	satuan tugas
satker	satuan kerja
satnight	malam minggu
satnite	sabtu malam
satpol	satuan polisi
satu2	satu-satu
satu2nya	satu-satunya
saturday	sabtu
saudara2	saudara-saudara
says	mengatakan
sbb	maaf baru balas
sbg	sebagai
sblm	sebelum
sbnrnya	sebenarnya
sby	surabaya
scared	ditakuti
sd	sekolah dasar
sdah	sudah
sdg	sedang
sdh	sudah
sdr	saudara
se	sih
seafood	hidangan laut
seasons	musim-musim
sebelom	sebelum
sebenernya	sebenarnya
sebrang	seberang
seconds	detik
sedi	sedih
sedikitpun	sedikit pun
sedulur	sekeluarga
seems	sepertinya
segampang	semudah
segede	sebesar
seger	segar
segini	sebegini
segitu	sebegitu
sehat2	sehat-sehat
sekali2	sekali-sekali
sekotong	sepotong
selebgram	selebriti instagram
selow	lambat
semalem	semalam
semangatt	semangat
semangattt	semangat
sempet	sempat
sempre	pernah
semuaa	semua
semuaaa	semua
seneng	senang
senengnya	senangnya
sensi	sensitif
senyum2	senyum-senyum
senyumin	memberi senyum
serem	seram
serie	seri
sering2	sering-sering
seringkali	sering kali
seriusan	serius
seruuu	seru
served	disajikan
services	layanan
sesok	esok
sesuk	besok
sg	Singapura
sgala	segala
sgt	sangat
shades	corak
shalat	salat
shared	dibagi
sharing	berbagi
shes	dia
shit	tahi
shoes	sepatu
sholat	salat
sholeh	saleh
shopz	toko-toko
shows	menunjukkan
shubuh	subuh
sia2	sia-sia
siang2	siang-siang
siap2	siap-siap
siapapun	siapa pun
siapin	menyiapkan
siapo	siapa
siapp	siap
siblings	saudara
sich	sih
sihh	sih
siii	sih
sik	sebentar
silaturrahmi	silaturahmi
simpen	simpan
sintesa	sintesis
sisters	saudara perempuan
sj	saja
sja	saja
sk	suka
ska	suka
skali	sekali
skalian	sekalian
skarang	sekarang
skg	sekarang
skills	keterampilan
skli	sekali
skolah	sekolah
skr	sekarang
skrang	sekarang
skrg	sekarang
skrng	sekarang
skuad	geng
skuy	ayo
skyline	kaki langit
slalu	selalu
slamat	selamat
slamet	selamat
slh	salah
sll	selalu
sllu	selalu
slmt	selamat
sm	sama
smangat	semangat
smbil	sambil
smg	semoga
smga	semoga
smiles	senyuman
smlm	semalam
smo	sampai
smoga	semoga
smp	sampai
smpai	sampai
smpe	sampai
smua	semua
smuanya	semuanya
snapchat	Snapchat
sndiri	sendiri
sndri	sendiri
sni	sini
snorkling	snorkeling
so	jadi
soale	soalnya
soalnya	karena
sodara	saudara
soleh	saleh
somay	siomay
someones	seseorang
songo	sembilan
songs	lagu-lagu
sooo	jadi
sopo	siapa
sosmed	sosial media
soulmate	belahan jiwa
souls	jiwa
sounds	suara
spam	pesan sampah
spd	sarjana pendidikan
sperti	seperti
spn	surat pembendaharaan negara
sprei	seprai
sprti	seperti
spt	seperti
sr	senior
srimping	murung
st	stasiun
stairs	tangga
standards	standar
standart	standar
stars	bintang-bintang
started	dimulai
starts	mulai
staying	tinggal
stelah	setelah
steps	langkah
stiap	setiap
stlh	setelah
stories	cerita
stronger	lebih kuat
students	murid-murid
styles	gaya
su	anjing
sucks	payah
suites	suite
suka2	suka-suka
sukak	suka
sulteng	sulawesi tenggara
sulthan	sultan
sultra	sulawesi tenggara
sumsel	sumatera selatan
sumut	sumatera utara
sunday	minggu
sundays	Minggu
sunsets	matahari terbenam
suport	dukungan
supported	didukung
surfing	berselancar
suroboyo	surabaya
surprised	terkejut
suru	suruh
sutera	sutra
suwun	terima kasih
sy	saya
sya	saya
syang	sayang
syantik	cantik
syech	syekh
syg	sayang
t4	tempat
taik	tahi
takan	tak akan
takes	mengambil
takkan	tak akan
talks	pembicaraan
tambahin	menambahkan
tampol	pukul
tanggungjawab	tanggung jawab
tanya2	tanya-tanya
tanyain	tanyakan
taon	tahun
taqwa	takwa
tau2	tahu-tahu
taunya	tahu-tahu
tauu	tahu
tb	tiba
tbh	sejujurnya
tbtb	tiba-tiba
td	tadi
tdak	tidak
tdi	tadi
tdk	tidak
tdr	tidur
tdur	tidur
teachers	guru-guru
teams	tim
tears	air mata
tebel	tebal
telfon	telepon
teling	memberitahu
tells	memberi tahu
telp	telepon
telponan	menelpon
teman2	teman-teman
temani	menemani
temans	teman
temen	teman
temen2	teman-teman
temenan	berteman
temenin	menemani
temenku	temanku
temennya	teman-nya
temples	kuil
tenan	betul
tengkyu	terima kasih
tentrem	tentram
tepar	terkapar
terimakasi	terima kasih
terimakasih	terima kasih
teros	terus
terosss	terus
terraces	teras
terupdate	terbaru
teruss	terus
terusss	terus
testi	kesaksian
tetep	tetap
tetiba	tiba-tiba
teuing	tidak tahu
tf	tensorflow
tgl	tanggal
thailand	thai
thankyou	terima kasih
theatre	teater
things	situasi
thn	tahun
thoughts	pikiran
thousands	ribuan
thru	melalui
thursday	kamis
thx	terima kasih
tiati	hati-hati
tiba2	tiba-tiba
tickets	tiket
tida	tidak
tidor	tidur
tinggalin	tinggalkan
tipis2	tipis-tipis
tjilik	kecil
tkg	tukang
tkp	tempat kejadian perkara
tks	terima kasih
tl	timeline
tlah	telah
tlg	tolong
tlp	telepon
tmn	teman
tmn2	teman-teman
tmpat	tempat
tmpt	tempat
tnggu	tunggu
tnpa	tanpa
todays	hari ini
todo	Akan dikerjakan
todos	yang harus dilakukan
tools	alat
tosca	toska
tours	tour
toys	mainan
tp	tetapi
tpi	tetapi
tpu	tempat pemakaman umum
tq	terima kasih
tracking	mengikuti
travelling	perjalanan
trees	pepohonan
tresno	cinta
trima	terima
trimakasih	terima kasih
trims	terima kasih
trlalu	terlalu
trnyata	ternyata
trs	terus
trus	terus
tsb	tersebut
tshirt	kaos
tt	payudara
ttd	tertanda
ttep	tetap
ttg	tentang
ttp	tetap
tu	itu
tuch	itu
tuesday	selasa
tuh	itu
tuhh	itu
tuiter	twitter
tul	betul
tumpa	tumpah
tungguin	menunggu
tunjukan	tunjukkan
tuo	tua
turu	tidur
tuu	itu
tw	tahu
twins	kembar
twiter	Twitter
twt	tweet
tyda	tidak
ucapin	ucapkan
ud	sudah
udah	sudah
udahan	sudah
udahh	udah
udahlah	sudahlah
udeh	sudah
udh	sudah
uga	juga
ughtea	ukhti
ujan	hujan
ujung2nya	ujung-ujungnya
ukhti	saudara perempuan
ukhty	ukhti
ulakkarang	ulak karang
ultah	ultang tahun
ummah	umat
umrik	umurnya
unboxing	Membuka kotak
unch	gemas
und	dan
unfaedah	tidak berfaedah
unfoll	unfollow
untk	untuk
unyu	lucu
up	atas
ur	milikmu
urusin	urusi
us	kita
usa	usah
using	memakai
ustadz	ustaz
ustadzabdulsomad	ustaz abdul somad
utk	untuk
uuu	huhuhu
uwu	lucu
valentines	velentine
velg	pelek
ver	versi
vibe	suasana
vibes	suasana
vid	video
videos	video
views	pandangan
villas	vila-vila
visited	berkunjung
vs	melawan
waaah	wah
waah	wah
waena	wah enak
wagub	wakil gubernur
wahab	wahabi
wahaha	hahaha
wahh	wah
walaa	walah
walhamdulillah	alhamdulilah
walks	berjalan
walo	walau
walopun	walaupun
wani	berani
wanna	mau
wanted	diinginkan
wants	mau
warkop	warung kopi
waroeng	warung
waroenk	warung
warong	warung
wars	perang
warteg	Warung Tegal
warunk	warung
wasallam	waalaikumsalam
wasap	Whatsapp
waterfalls	air terjun
waters	air
waves	ombak
wednesday	rabu
wedok	perempuan
weeks	berminggu-minggu
wellcome	selamat datang
wes	sudah
wetan	timur
wheels	roda
whos	siapa
wiken	akhir pekan
wilujeng	selamat
wishes	doa
wk	hahaha
wkkw	hahaha
wkkwkw	hahaha
wkt	waktu
wktu	waktu
wkw	hahaha
wkwk	hahaha
wkwkk	hahaha
wkwkkw	hahaha
wkwkkwkw	hahahaha
wkwkw	hahaha
wkwkwk	hahaha
wkwkwkk	hahaha
wkwkwkkw	hahaha
wkwkwkw	hahaha
wkwkwkwk	hahaha
wkwkwkwkw	hahaha
wkwkwkwkwk	hahaha
wkwwk	hahaha
wo	woy
woii	woi
woiii	woi
women	perempuan
womens	perempuan-perempuan
words	kata-kata
worlds	dunia
woyy	oi
wqwq	hahaha
wqwqwq	hahaha
wrna	warna
wrwb	warahmatullahi wabarakatuh
xixixi	hahaha
xo	mengirim ciuman
xtra	ekstra
yaa	ya
yaaa	ya
yaaaa	ya
yaaaaa	iya
yaaah	yah
yaah	yah
yaak	iya
yaallah	ya allah
yaampun	ya ampun
yach	yah
yaelah	iya
yahhh	yah
yakali	masa iya
yakan	iyakan
yakk	iya
yall	kalian semua
yallah	ya Allah
yasinan	membaca yasin
yasudah	ya sudah
yauda	iya sudah
yaudah	ya sudah
yaudahlah	ya sudahlah
yay	hore
years	bertahun-tahun
yeay	hore
yeee	iya
yeh	ya
yekan	yakan
yess	iya
yesss	iya
yey	hore
yg	yang
yh	iya
yha	iya
yk	ayo
yng	yang
yo	ya
yokk	ayo
yoo	ayo
yooo	hai
youll	kamu akan
youre	kamu
youu	kamu
yowes	ya sudah
yt	youtube
yth	yang terhormat
yuhuuu	yuhu
yukk	ayo
yukkk	ayo
yuks	ayo
yup	iya
yutub	youtube
yuu	ayo
yuuk	ayo
yuukk	yuk
yuuu	ayo
yuuuk	ayo
zonk	kosong`;
