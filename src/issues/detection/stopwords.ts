/**
 * Indonesian function words, informal particles and very common verbs that must never burst on their own.
 * Detection drops them from terms and from phrase edges (a bigram or trigram never starts or ends with one).
 */
const WORDS = `
ada adalah adanya agak agar akan akhirnya aku akulah amat amatlah anda andalah antar antara apa apaan apabila apakah
apalagi apatah atau ataukah ataupun awal bagai bagaikan bagaimana bagaimanakah bagi bagian bahkan bahwa bahwasanya
baik bakal banyak baru bawah beberapa begini begitu begitupun belakang belum belumlah benar berapa berikut berkali
bermacam bersama betul biasa biasanya bila bilamana bisa boleh bukan bukankah bukanlah bukannya buat cukup cuma
dahulu dalam dan dapat dari daripada datang dekat demi demikian dengan depan di dia diakah dialah dini diri dirinya
dong dulu enggak enggaknya entah gak ga gk gue gua gw hal hampir hanya hari harus hingga ia ialah ibarat ikut ini
inikah inilah itu itukah itulah jadi jangan janganlah jika jikalau juga justru kalau kalian kami kamilah kamu kamulah
kan kapan kapankah karena karenanya kata ke kecil kemudian kenapa kepada kepadanya ketika khususnya kini kita kitalah
kok kurang lagi lagian lah lain lainnya lalu lama lanjut lebih lewat loh lho maka makanya makin malah mampu mana
manakala manalagi masa masih masing mau maupun melainkan melalui memang mengapa menjadi menurut mereka merekalah
meski meskipun mungkin nah naik namun nanti nih nya oleh orang pada padahal paling para pasti per perlu pernah
pula pun punya saat saja sambil sampai sana sangat sangatlah saya sayalah se sebab sebagai sebagaimana sebagainya
sebelum sebelumnya sebenarnya sebuah secara sedang sedangkan sedikit segala sehingga sejak sekali sekalipun sekarang
sekitar selain selalu selama seluruh semua sementara sempat semuanya sendiri sendirinya seolah seperti sepertinya
sering serta sesuatu setelah setiap sih siapa siapakah sini situ soal sudah sudahlah supaya tadi tadinya tak tanpa
tapi telah tentang tentu terhadap terjadi terlalu tersebut tetapi tiap tidak tidaklah tiba toh udah udh aja aj
ajah banget bgt dgn yg yang utk untuk sm sama trs terus tdk ngga nggak kagak tp krn jd jg lg sdh blm dr pd dlm
kalo klo gitu gini kayak kyk kaya emang emg deh dah kah pak bu bapak ibu mas mbak kak bang min admin
mohon tolong segera semoga terima kasih makasih please via rt amp https http www com co id
`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}
